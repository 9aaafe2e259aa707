import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  helpResamples,
  helperFailed,
  taskResampler
} from "./chunk-ORQHQG6C.js";
import "./chunk-5VPJA5XD.js";
import "./chunk-FT3D6YK5.js";

// src/cli/bootstrap-worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.on("message", (job) => {
  try {
    helpResamples(job.sources.map((s) => taskResampler(s, s.yTrue, s.output)), job);
  } catch {
    helperFailed(job);
  }
});
