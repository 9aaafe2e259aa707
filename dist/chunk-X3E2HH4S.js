import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  corrupt,
  fillChunk,
  layoutOf,
  parquetLayout,
  readParquet,
  readParquetRanges
} from "./chunk-7HTHO3KL.js";
import "./chunk-WU4UF6XR.js";
import "./chunk-OOSRC25T.js";
import "./chunk-5VPJA5XD.js";
import "./chunk-FT3D6YK5.js";
export {
  corrupt,
  fillChunk,
  layoutOf,
  parquetLayout,
  readParquet,
  readParquetRanges
};
