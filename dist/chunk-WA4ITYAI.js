import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  RANGE_GAP_BYTES,
  TAIL_BYTES,
  columnsToRead,
  coversExactly,
  decodeRanges,
  encodeRanges,
  encodedParts,
  footerMetadata,
  footerRange,
  planRanges,
  rangedBuffer,
  rangesDigest,
  topColumns
} from "./chunk-OOSRC25T.js";
import "./chunk-5VPJA5XD.js";
import "./chunk-FT3D6YK5.js";
export {
  RANGE_GAP_BYTES,
  TAIL_BYTES,
  columnsToRead,
  coversExactly,
  decodeRanges,
  encodeRanges,
  encodedParts,
  footerMetadata,
  footerRange,
  planRanges,
  rangedBuffer,
  rangesDigest,
  topColumns
};
