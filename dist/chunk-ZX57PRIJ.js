import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  require_tf_core_node
} from "./chunk-J5GQ6ERU.js";
import {
  __commonJS
} from "./chunk-FT3D6YK5.js";

// node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js
var require_tf_layers_node = __commonJS({
  "node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js"(exports) {
    var tfc = require_tf_core_node();
    function _interopNamespaceDefault(e) {
      var n = /* @__PURE__ */ Object.create(null);
      if (e) {
        Object.keys(e).forEach(function(k) {
          if (k !== "default") {
            var d = Object.getOwnPropertyDescriptor(e, k);
            Object.defineProperty(n, k, d.get ? d : {
              enumerable: true,
              get: function() {
                return e[k];
              }
            });
          }
        });
      }
      n.default = e;
      return n;
    }
    function _mergeNamespaces(n, m) {
      m.forEach(function(e) {
        e && typeof e !== "string" && !Array.isArray(e) && Object.keys(e).forEach(function(k) {
          if (k !== "default" && !(k in n)) {
            var d = Object.getOwnPropertyDescriptor(e, k);
            Object.defineProperty(n, k, d.get ? d : {
              enumerable: true,
              get: function() {
                return e[k];
              }
            });
          }
        });
      });
      return n;
    }
    var tfc__namespace = /* @__PURE__ */ _interopNamespaceDefault(tfc);
    var extendStatics = function(d, b) {
      extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d2, b2) {
        d2.__proto__ = b2;
      } || function(d2, b2) {
        for (var p in b2)
          if (Object.prototype.hasOwnProperty.call(b2, p))
            d2[p] = b2[p];
      };
      return extendStatics(d, b);
    };
    function __extends(d, b) {
      if (typeof b !== "function" && b !== null)
        throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
      extendStatics(d, b);
      function __() {
        this.constructor = d;
      }
      d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    }
    function __awaiter(thisArg, _arguments, P, generator) {
      function adopt(value) {
        return value instanceof P ? value : new P(function(resolve) {
          resolve(value);
        });
      }
      return new (P || (P = Promise))(function(resolve, reject) {
        function fulfilled(value) {
          try {
            step2(generator.next(value));
          } catch (e) {
            reject(e);
          }
        }
        function rejected(value) {
          try {
            step2(generator["throw"](value));
          } catch (e) {
            reject(e);
          }
        }
        function step2(result) {
          result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
        }
        step2((generator = generator.apply(thisArg, _arguments || [])).next());
      });
    }
    function __generator(thisArg, body) {
      var _ = { label: 0, sent: function() {
        if (t[0] & 1)
          throw t[1];
        return t[1];
      }, trys: [], ops: [] }, f, y, t, g;
      return g = { next: verb(0), "throw": verb(1), "return": verb(2) }, typeof Symbol === "function" && (g[Symbol.iterator] = function() {
        return this;
      }), g;
      function verb(n) {
        return function(v) {
          return step2([n, v]);
        };
      }
      function step2(op2) {
        if (f)
          throw new TypeError("Generator is already executing.");
        while (_)
          try {
            if (f = 1, y && (t = op2[0] & 2 ? y["return"] : op2[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op2[1])).done)
              return t;
            if (y = 0, t)
              op2 = [op2[0] & 2, t.value];
            switch (op2[0]) {
              case 0:
              case 1:
                t = op2;
                break;
              case 4:
                _.label++;
                return { value: op2[1], done: false };
              case 5:
                _.label++;
                y = op2[1];
                op2 = [0];
                continue;
              case 7:
                op2 = _.ops.pop();
                _.trys.pop();
                continue;
              default:
                if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op2[0] === 6 || op2[0] === 2)) {
                  _ = 0;
                  continue;
                }
                if (op2[0] === 3 && (!t || op2[1] > t[0] && op2[1] < t[3])) {
                  _.label = op2[1];
                  break;
                }
                if (op2[0] === 6 && _.label < t[1]) {
                  _.label = t[1];
                  t = op2;
                  break;
                }
                if (t && _.label < t[2]) {
                  _.label = t[2];
                  _.ops.push(op2);
                  break;
                }
                if (t[2])
                  _.ops.pop();
                _.trys.pop();
                continue;
            }
            op2 = body.call(thisArg, _);
          } catch (e) {
            op2 = [6, e];
            y = 0;
          } finally {
            f = t = 0;
          }
        if (op2[0] & 5)
          throw op2[1];
        return { value: op2[0] ? op2[1] : void 0, done: true };
      }
    }
    function __values(o) {
      var s = typeof Symbol === "function" && Symbol.iterator, m = s && o[s], i = 0;
      if (m)
        return m.call(o);
      if (o && typeof o.length === "number")
        return {
          next: function() {
            if (o && i >= o.length)
              o = void 0;
            return { value: o && o[i++], done: !o };
          }
        };
      throw new TypeError(s ? "Object is not iterable." : "Symbol.iterator is not defined.");
    }
    function __read(o, n) {
      var m = typeof Symbol === "function" && o[Symbol.iterator];
      if (!m)
        return o;
      var i = m.call(o), r, ar = [], e;
      try {
        while ((n === void 0 || n-- > 0) && !(r = i.next()).done)
          ar.push(r.value);
      } catch (error) {
        e = { error };
      } finally {
        try {
          if (r && !r.done && (m = i["return"]))
            m.call(i);
        } finally {
          if (e)
            throw e.error;
        }
      }
      return ar;
    }
    function __spreadArray(to, from, pack) {
      if (pack || arguments.length === 2)
        for (var i = 0, l = from.length, ar; i < l; i++) {
          if (ar || !(i in from)) {
            if (!ar)
              ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
          }
        }
      return to.concat(ar || Array.prototype.slice.call(from));
    }
    var AttributeError = (
      /** @class */
      (function(_super) {
        __extends(AttributeError2, _super);
        function AttributeError2(message) {
          var _this = _super.call(this, message) || this;
          Object.setPrototypeOf(_this, AttributeError2.prototype);
          return _this;
        }
        return AttributeError2;
      })(Error)
    );
    var RuntimeError = (
      /** @class */
      (function(_super) {
        __extends(RuntimeError2, _super);
        function RuntimeError2(message) {
          var _this = _super.call(this, message) || this;
          Object.setPrototypeOf(_this, RuntimeError2.prototype);
          return _this;
        }
        return RuntimeError2;
      })(Error)
    );
    var ValueError = (
      /** @class */
      (function(_super) {
        __extends(ValueError2, _super);
        function ValueError2(message) {
          var _this = _super.call(this, message) || this;
          Object.setPrototypeOf(_this, ValueError2.prototype);
          return _this;
        }
        return ValueError2;
      })(Error)
    );
    var NotImplementedError = (
      /** @class */
      (function(_super) {
        __extends(NotImplementedError2, _super);
        function NotImplementedError2(message) {
          var _this = _super.call(this, message) || this;
          Object.setPrototypeOf(_this, NotImplementedError2.prototype);
          return _this;
        }
        return NotImplementedError2;
      })(Error)
    );
    var AssertionError = (
      /** @class */
      (function(_super) {
        __extends(AssertionError2, _super);
        function AssertionError2(message) {
          var _this = _super.call(this, message) || this;
          Object.setPrototypeOf(_this, AssertionError2.prototype);
          return _this;
        }
        return AssertionError2;
      })(Error)
    );
    (function(_super) {
      __extends(IndexError, _super);
      function IndexError(message) {
        var _this = _super.call(this, message) || this;
        Object.setPrototypeOf(_this, IndexError.prototype);
        return _this;
      }
      return IndexError;
    })(Error);
    var LruCache = (
      /** @class */
      (function() {
        function LruCache2(maxEntries) {
          this.maxEntries = maxEntries || 100;
          this.cache = /* @__PURE__ */ new Map();
        }
        LruCache2.prototype.get = function(key) {
          var entry;
          if (this.cache.has(key)) {
            entry = this.cache.get(key);
            this.cache.delete(key);
            this.cache.set(key, entry);
          }
          return entry;
        };
        LruCache2.prototype.put = function(key, value) {
          if (this.cache.has(key)) {
            this.cache.delete(key);
          } else if (this.cache.size >= this.maxEntries) {
            var keyToDelete = this.cache.keys().next().value;
            this.cache.delete(keyToDelete);
          }
          this.cache.set(key, value);
        };
        LruCache2.prototype.getMaxEntries = function() {
          return this.maxEntries;
        };
        LruCache2.prototype.setMaxEntries = function(maxEntries) {
          if (maxEntries < 0) {
            throw new Error("The maxEntries of LRU caches must be at least 0, but got ".concat(maxEntries, "."));
          }
          if (this.maxEntries > maxEntries) {
            for (var i = 0; i < this.maxEntries - maxEntries; i++) {
              var keyToDelete = this.cache.keys().next().value;
              this.cache.delete(keyToDelete);
            }
          }
          this.maxEntries = maxEntries;
        };
        return LruCache2;
      })()
    );
    function pyListRepeat(value, numValues) {
      if (Array.isArray(value)) {
        var newArray = [];
        for (var i = 0; i < numValues; i++) {
          newArray = newArray.concat(value);
        }
        return newArray;
      } else {
        var newArray = new Array(numValues);
        newArray.fill(value);
        return newArray;
      }
    }
    function assert$1(val, message) {
      if (!val) {
        throw new AssertionError(message);
      }
    }
    function count(array, refernce) {
      var e_12, _a2;
      var counter = 0;
      try {
        for (var array_1 = __values(array), array_1_1 = array_1.next(); !array_1_1.done; array_1_1 = array_1.next()) {
          var item = array_1_1.value;
          if (item === refernce) {
            counter++;
          }
        }
      } catch (e_1_1) {
        e_12 = { error: e_1_1 };
      } finally {
        try {
          if (array_1_1 && !array_1_1.done && (_a2 = array_1.return)) _a2.call(array_1);
        } finally {
          if (e_12) throw e_12.error;
        }
      }
      return counter;
    }
    function singletonOrArray(xs) {
      if (xs.length === 1) {
        return xs[0];
      }
      return xs;
    }
    function toList(x) {
      if (Array.isArray(x)) {
        return x;
      }
      return [x];
    }
    function toSnakeCase(name) {
      var intermediate = name.replace(/(.)([A-Z][a-z0-9]+)/g, "$1_$2");
      var insecure = intermediate.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
      if (insecure[0] !== "_") {
        return insecure;
      }
      return "private" + insecure;
    }
    function toCamelCase(identifier) {
      if (identifier.length <= 1) {
        return identifier;
      }
      if (identifier.indexOf("_") === -1) {
        return identifier;
      }
      return identifier.replace(/[_]+(\w|$)/g, function(m, p1) {
        return p1.toUpperCase();
      });
    }
    var _GLOBAL_CUSTOM_OBJECTS = {};
    function serializeKerasObject(instance) {
      if (instance === null || instance === void 0) {
        return null;
      }
      var dict = {};
      dict["className"] = instance.getClassName();
      dict["config"] = instance.getConfig();
      return dict;
    }
    function convertNDArrayScalarsInConfig(config) {
      var e_3, _a2;
      if (config == null || typeof config !== "object") {
        return;
      } else if (Array.isArray(config)) {
        config.forEach(function(configItem) {
          return convertNDArrayScalarsInConfig(configItem);
        });
      } else {
        var fields = Object.keys(config);
        try {
          for (var fields_1 = __values(fields), fields_1_1 = fields_1.next(); !fields_1_1.done; fields_1_1 = fields_1.next()) {
            var field = fields_1_1.value;
            var value = config[field];
            if (value != null && typeof value === "object") {
              if (!Array.isArray(value) && value["type"] === "ndarray" && typeof value["value"] === "number") {
                config[field] = value["value"];
              } else {
                convertNDArrayScalarsInConfig(value);
              }
            }
          }
        } catch (e_3_1) {
          e_3 = { error: e_3_1 };
        } finally {
          try {
            if (fields_1_1 && !fields_1_1.done && (_a2 = fields_1.return)) _a2.call(fields_1);
          } finally {
            if (e_3) throw e_3.error;
          }
        }
      }
    }
    function deserializeKerasObject(identifier, moduleObjects, customObjects, printableModuleName, fastWeightInit) {
      var _a2, _b, _c, e_4, _d, e_5, _e, e_6, _f, e_7, _g;
      if (moduleObjects === void 0) {
        moduleObjects = {};
      }
      if (customObjects === void 0) {
        customObjects = {};
      }
      if (printableModuleName === void 0) {
        printableModuleName = "object";
      }
      if (fastWeightInit === void 0) {
        fastWeightInit = false;
      }
      if (typeof identifier === "string") {
        var functionName = identifier;
        var fn = void 0;
        if (functionName in customObjects) {
          fn = customObjects[functionName];
        } else if (functionName in _GLOBAL_CUSTOM_OBJECTS) {
          fn = _GLOBAL_CUSTOM_OBJECTS[functionName];
        } else {
          fn = moduleObjects[functionName];
          if (fn == null) {
            throw new ValueError("Unknown ".concat(printableModuleName, ": ").concat(identifier, ". ") + "This may be due to one of the following reasons:\n" + "1. The ".concat(printableModuleName, " is defined in Python, in which ") + "case it needs to be ported to TensorFlow.js or your JavaScript code.\n" + "2. The custom ".concat(printableModuleName, " is defined in JavaScript, ") + "but is not registered properly with tf.serialization.registerClass().");
          }
        }
        return fn;
      } else {
        var config = identifier;
        if (config["className"] == null || config["config"] == null) {
          throw new ValueError("".concat(printableModuleName, ": Improper config format: ") + "".concat(JSON.stringify(config), ".\n") + "'className' and 'config' must set.");
        }
        var className = config["className"];
        var cls = void 0, fromConfig = void 0;
        if (className in customObjects) {
          _a2 = __read(customObjects[className], 2), cls = _a2[0], fromConfig = _a2[1];
        } else if (className in _GLOBAL_CUSTOM_OBJECTS) {
          _b = __read(_GLOBAL_CUSTOM_OBJECTS["className"], 2), cls = _b[0], fromConfig = _b[1];
        } else if (className in moduleObjects) {
          _c = __read(moduleObjects[className], 2), cls = _c[0], fromConfig = _c[1];
        }
        if (cls == null) {
          throw new ValueError("Unknown ".concat(printableModuleName, ": ").concat(className, ". ") + "This may be due to one of the following reasons:\n" + "1. The ".concat(printableModuleName, " is defined in Python, in which ") + "case it needs to be ported to TensorFlow.js or your JavaScript code.\n" + "2. The custom ".concat(printableModuleName, " is defined in JavaScript, ") + "but is not registered properly with tf.serialization.registerClass().");
        }
        if (fromConfig != null) {
          var customObjectsCombined = {};
          try {
            for (var _h = __values(Object.keys(_GLOBAL_CUSTOM_OBJECTS)), _j = _h.next(); !_j.done; _j = _h.next()) {
              var key = _j.value;
              customObjectsCombined[key] = _GLOBAL_CUSTOM_OBJECTS[key];
            }
          } catch (e_4_1) {
            e_4 = { error: e_4_1 };
          } finally {
            try {
              if (_j && !_j.done && (_d = _h.return)) _d.call(_h);
            } finally {
              if (e_4) throw e_4.error;
            }
          }
          try {
            for (var _k = __values(Object.keys(customObjects)), _l = _k.next(); !_l.done; _l = _k.next()) {
              var key = _l.value;
              customObjectsCombined[key] = customObjects[key];
            }
          } catch (e_5_1) {
            e_5 = { error: e_5_1 };
          } finally {
            try {
              if (_l && !_l.done && (_e = _k.return)) _e.call(_k);
            } finally {
              if (e_5) throw e_5.error;
            }
          }
          var nestedConfig = config["config"];
          nestedConfig["customObjects"] = customObjectsCombined;
          var backupCustomObjects = Object.assign({}, _GLOBAL_CUSTOM_OBJECTS);
          try {
            for (var _m = __values(Object.keys(customObjects)), _o = _m.next(); !_o.done; _o = _m.next()) {
              var key = _o.value;
              _GLOBAL_CUSTOM_OBJECTS[key] = customObjects[key];
            }
          } catch (e_6_1) {
            e_6 = { error: e_6_1 };
          } finally {
            try {
              if (_o && !_o.done && (_f = _m.return)) _f.call(_m);
            } finally {
              if (e_6) throw e_6.error;
            }
          }
          convertNDArrayScalarsInConfig(config["config"]);
          var returnObj = fromConfig(cls, config["config"], customObjects, fastWeightInit);
          _GLOBAL_CUSTOM_OBJECTS = Object.assign({}, backupCustomObjects);
          return returnObj;
        } else {
          var backupCustomObjects = Object.assign({}, _GLOBAL_CUSTOM_OBJECTS);
          try {
            for (var _p = __values(Object.keys(customObjects)), _q = _p.next(); !_q.done; _q = _p.next()) {
              var key = _q.value;
              _GLOBAL_CUSTOM_OBJECTS[key] = customObjects[key];
            }
          } catch (e_7_1) {
            e_7 = { error: e_7_1 };
          } finally {
            try {
              if (_q && !_q.done && (_g = _p.return)) _g.call(_p);
            } finally {
              if (e_7) throw e_7.error;
            }
          }
          var returnObj = new cls(config["config"]);
          _GLOBAL_CUSTOM_OBJECTS = Object.assign({}, backupCustomObjects);
          return returnObj;
        }
      }
    }
    function numberCompare(a, b) {
      return a < b ? -1 : a > b ? 1 : 0;
    }
    function reverseNumberCompare(a, b) {
      return -1 * numberCompare(a, b);
    }
    function unique(xs) {
      var e_8, _a2;
      if (xs == null) {
        return xs;
      }
      var out = [];
      try {
        for (var xs_1 = __values(xs), xs_1_1 = xs_1.next(); !xs_1_1.done; xs_1_1 = xs_1.next()) {
          var x = xs_1_1.value;
          if (out.indexOf(x) === -1) {
            out.push(x);
          }
        }
      } catch (e_8_1) {
        e_8 = { error: e_8_1 };
      } finally {
        try {
          if (xs_1_1 && !xs_1_1.done && (_a2 = xs_1.return)) _a2.call(xs_1);
        } finally {
          if (e_8) throw e_8.error;
        }
      }
      return out;
    }
    function isObjectEmpty(obj) {
      if (obj == null) {
        throw new ValueError("Invalid value in obj: ".concat(JSON.stringify(obj)));
      }
      for (var key in obj) {
        if (obj.hasOwnProperty(key)) {
          return false;
        }
      }
      return true;
    }
    function checkStringTypeUnionValue(values, label, value) {
      if (value == null) {
        return;
      }
      if (values.indexOf(value) < 0) {
        throw new ValueError("".concat(value, " is not a valid ").concat(label, ".  Valid values are ").concat(values, " or null/undefined."));
      }
    }
    function checkArrayTypeAndLength(x, expectedType, minLength, maxLength) {
      if (minLength === void 0) {
        minLength = 0;
      }
      if (maxLength === void 0) {
        maxLength = Infinity;
      }
      assert$1(minLength >= 0);
      assert$1(maxLength >= minLength);
      return Array.isArray(x) && x.length >= minLength && x.length <= maxLength && x.every(function(e) {
        return typeof e === expectedType;
      });
    }
    function assertPositiveInteger(value, name) {
      if (Array.isArray(value)) {
        tfc.util.assert(value.length > 0, function() {
          return "".concat(name, " is unexpectedly an empty array.");
        });
        value.forEach(function(v, i) {
          return assertPositiveInteger(v, "element ".concat(i + 1, " of ").concat(name));
        });
      } else {
        tfc.util.assert(Number.isInteger(value) && value > 0, function() {
          return "Expected ".concat(name, " to be a positive integer, but got ") + "".concat(formatAsFriendlyString(value), ".");
        });
      }
    }
    function formatAsFriendlyString(value) {
      if (value === null) {
        return "null";
      } else if (Array.isArray(value)) {
        return "[" + value.map(function(v) {
          return formatAsFriendlyString(v);
        }).join(",") + "]";
      } else if (typeof value === "string") {
        return '"'.concat(value, '"');
      } else {
        return "".concat(value);
      }
    }
    function debounce(f, waitMs, nowFunc) {
      var lastTime = nowFunc != null ? nowFunc() : tfc.util.now();
      var lastResult;
      var f2 = function() {
        var args = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          args[_i] = arguments[_i];
        }
        var now2 = nowFunc != null ? nowFunc() : tfc.util.now();
        if (now2 - lastTime < waitMs) {
          return lastResult;
        }
        lastTime = now2;
        lastResult = f.apply(void 0, __spreadArray([], __read(args), false));
        return lastResult;
      };
      return f2;
    }
    function mapActivationToFusedKernel(activationName) {
      if (activationName === "relu") {
        return "relu";
      }
      if (activationName === "linear") {
        return "linear";
      }
      if (activationName === "elu") {
        return "elu";
      }
      return null;
    }
    var _nextUniqueTensorId = 0;
    function getNextUniqueTensorId() {
      return _nextUniqueTensorId++;
    }
    var _uidPrefixes = {};
    function getUid(prefix) {
      if (prefix === void 0) {
        prefix = "";
      }
      if (!(prefix in _uidPrefixes)) {
        _uidPrefixes[prefix] = 0;
      }
      _uidPrefixes[prefix] += 1;
      return prefix + _uidPrefixes[prefix].toString();
    }
    var VALID_DATA_FORMAT_VALUES = ["channelsFirst", "channelsLast"];
    var VALID_INTERPOLATION_FORMAT_VALUES = ["nearest", "bilinear"];
    var VALID_PADDING_MODE_VALUES = ["valid", "same", "causal"];
    var VALID_POOL_MODE_VALUES = ["max", "avg"];
    var VALID_BIDIRECTIONAL_MERGE_MODES = ["sum", "mul", "concat", "ave"];
    var nameMap = /* @__PURE__ */ new Map();
    function checkDataFormat(value) {
      checkStringTypeUnionValue(VALID_DATA_FORMAT_VALUES, "DataFormat", value);
    }
    function checkInterpolationFormat(value) {
      checkStringTypeUnionValue(VALID_INTERPOLATION_FORMAT_VALUES, "InterpolationFormat", value);
    }
    function checkPaddingMode(value) {
      checkStringTypeUnionValue(VALID_PADDING_MODE_VALUES, "PaddingMode", value);
    }
    function checkPoolMode(value) {
      checkStringTypeUnionValue(VALID_POOL_MODE_VALUES, "PoolMode", value);
    }
    var _nameScopeStack = [];
    var _nameScopeDivider = "/";
    function nameScope(name, fn) {
      _nameScopeStack.push(name);
      try {
        var val = fn();
        _nameScopeStack.pop();
        return val;
      } catch (e) {
        _nameScopeStack.pop();
        throw e;
      }
    }
    function currentNameScopePrefix() {
      if (_nameScopeStack.length === 0) {
        return "";
      } else {
        return _nameScopeStack.join(_nameScopeDivider) + _nameScopeDivider;
      }
    }
    function getScopedTensorName(tensorName) {
      if (!isValidTensorName(tensorName)) {
        throw new Error("Not a valid tensor name: '" + tensorName + "'");
      }
      return currentNameScopePrefix() + tensorName;
    }
    function getUniqueTensorName(scopedName) {
      if (!isValidTensorName(scopedName)) {
        throw new Error("Not a valid tensor name: '" + scopedName + "'");
      }
      if (!nameMap.has(scopedName)) {
        nameMap.set(scopedName, 0);
      }
      var index = nameMap.get(scopedName);
      nameMap.set(scopedName, nameMap.get(scopedName) + 1);
      if (index > 0) {
        var result = "".concat(scopedName, "_").concat(index);
        nameMap.set(result, 1);
        return result;
      } else {
        return scopedName;
      }
    }
    var tensorNameRegex = new RegExp(/^[A-Za-z0-9][-A-Za-z0-9\._\/]*$/);
    function isValidTensorName(name) {
      return !!name.match(tensorNameRegex);
    }
    function isInteger(x) {
      return x === parseInt(x.toString(), 10);
    }
    function arrayProd(array, begin, end) {
      if (begin == null) {
        begin = 0;
      }
      if (end == null) {
        end = array.length;
      }
      var prod = 1;
      for (var i = begin; i < end; ++i) {
        prod *= array[i];
      }
      return prod;
    }
    function min(array) {
      if (array.length === 0) {
        return Number.NaN;
      }
      var min2 = Number.POSITIVE_INFINITY;
      for (var i = 0; i < array.length; i++) {
        var value = array[i];
        if (value < min2) {
          min2 = value;
        }
      }
      return min2;
    }
    function max(array) {
      if (array.length === 0) {
        return Number.NaN;
      }
      var max2 = Number.NEGATIVE_INFINITY;
      for (var i = 0; i < array.length; i++) {
        var value = array[i];
        if (value > max2) {
          max2 = value;
        }
      }
      return max2;
    }
    function range(begin, end) {
      if (end < begin) {
        throw new ValueError("end (".concat(end, ") < begin (").concat(begin, ") is forbidden."));
      }
      var out = [];
      for (var i = begin; i < end; ++i) {
        out.push(i);
      }
      return out;
    }
    var _epsilon;
    function epsilon() {
      if (_epsilon == null) {
        _epsilon = tfc.backend().epsilon();
      }
      return _epsilon;
    }
    function imageDataFormat() {
      return "channelsLast";
    }
    function cast$1(x, dtype) {
      return tfc__namespace.cast(x, dtype);
    }
    function expandDims$1(x, axis) {
      if (axis === void 0) {
        axis = -1;
      }
      var outShape = x.shape.slice();
      if (axis < 0) {
        axis = outShape.length + axis + 1;
      }
      outShape.splice(axis, 0, 1);
      return tfc__namespace.reshape(x, outShape);
    }
    function repeat(x, n) {
      return tfc.tidy(function() {
        if (x.shape.length !== 2) {
          throw new ValueError("repeat() expects a rank-2 tensor, but received a " + "rank-".concat(x.shape.length, " tensor."));
        }
        var y = expandDims$1(x, 1);
        return tile$1(y, [1, n, 1]);
      });
    }
    function flatten$2(x) {
      var newShape = [arrayProd(x.shape)];
      return tfc__namespace.reshape(x, newShape);
    }
    function batchFlatten(x) {
      if (x.rank <= 1) {
        throw new ValueError("batchFlatten requires a minimum rank of 2. Got rank: ".concat(x.rank, "."));
      }
      var newShape = [x.shape[0], arrayProd(x.shape, 1)];
      return tfc__namespace.reshape(x, newShape);
    }
    function sliceAlongFirstAxis(array, start, size) {
      return tfc.tidy(function() {
        switch (array.rank) {
          case 1:
            return tfc__namespace.slice1d(array, start, size);
          case 2:
            return tfc__namespace.slice2d(array, [start, 0], [size, array.shape[1]]);
          case 3:
            return tfc__namespace.slice3d(array, [start, 0, 0], [size, array.shape[1], array.shape[2]]);
          case 4:
            return tfc__namespace.slice4d(array, [start, 0, 0, 0], [size, array.shape[1], array.shape[2], array.shape[3]]);
          case 5:
            return tfc__namespace.slice(array, [start, 0, 0, 0, 0], [
              size,
              array.shape[1],
              array.shape[2],
              array.shape[3],
              array.shape[4]
            ]);
          case 6:
            return tfc__namespace.slice(array, [start, 0, 0, 0, 0, 0], [
              size,
              array.shape[1],
              array.shape[2],
              array.shape[3],
              array.shape[4],
              array.shape[5]
            ]);
          default:
            throw new ValueError("sliceAlongFirstAxis() received an unsupported tensor rank: " + "".concat(array.rank));
        }
      });
    }
    function sliceAlongLastAxis(array, start, size) {
      return tfc.tidy(function() {
        switch (array.rank) {
          case 1:
            return tfc__namespace.slice1d(array, start, size);
          case 2:
            return tfc__namespace.slice2d(array, [0, start], [array.shape[0], size]);
          case 3:
            return tfc__namespace.slice3d(array, [0, 0, start], [array.shape[0], array.shape[1], size]);
          case 4:
            return tfc__namespace.slice4d(array, [0, 0, 0, start], [array.shape[0], array.shape[1], array.shape[2], size]);
          default:
            throw new ValueError("sliceAlongLastAxis() received an unsupported tensor rank: " + "".concat(array.rank));
        }
      });
    }
    function sliceAlongAxis(array, start, size, axis) {
      return tfc.tidy(function() {
        switch (array.rank) {
          case 1:
            return tfc__namespace.slice1d(array, start, size);
          case 2:
            switch (axis) {
              case 1:
                return sliceAlongFirstAxis(array, start, size);
              case 2:
                return sliceAlongLastAxis(array, start, size);
              default:
                throw new ValueError("The axis is not within the rank of the tensor " + "".concat(axis));
            }
          case 3:
            switch (axis) {
              case 1:
                return sliceAlongFirstAxis(array, start, size);
              case 2:
                return tfc__namespace.slice3d(array, [0, start, 0], [array.shape[0], size, array.shape[2]]);
              case 3:
                return sliceAlongLastAxis(array, start, size);
              default:
                throw new ValueError("The axis is not within the rank of the tensor " + "".concat(axis));
            }
          case 4:
            switch (axis) {
              case 1:
                return sliceAlongFirstAxis(array, start, size);
              case 2:
                return tfc__namespace.slice4d(array, [0, start, 0, 0], [array.shape[0], size, array.shape[2], array.shape[3]]);
              case 3:
                return tfc__namespace.slice4d(array, [0, 0, start, 0], [array.shape[0], array.shape[1], size, array.shape[3]]);
              case 4:
                return sliceAlongLastAxis(array, start, size);
              default:
                throw new ValueError("The axis is not within the rank of the tensor " + "".concat(axis));
            }
          default:
            throw new ValueError("sliceAlongLastAxis() received an unsupported tensor rank: " + "".concat(array.rank));
        }
      });
    }
    function concatenate$1(tensors, axis) {
      if (axis === void 0) {
        axis = -1;
      }
      var rank;
      if (axis < 0) {
        rank = tensors[0].rank;
        if (rank !== 0) {
          axis = rank;
        } else {
          axis = 0;
        }
      }
      if (axis === tensors[0].rank) {
        axis = -1;
      }
      return tfc__namespace.concat(tensors, axis);
    }
    function concatAlongFirstAxis(a, b) {
      switch (a.rank) {
        case 1:
          return tfc__namespace.concat1d([a, b]);
        case 2:
          return tfc__namespace.concat2d([a, b], 0);
        case 3:
          return tfc__namespace.concat3d([a, b], 0);
        case 4:
          return tfc__namespace.concat4d([a, b], 0);
        default:
          throw new ValueError("concatAlongFirstAxis() received an unsupported " + "tensor rank: ".concat(a.rank));
      }
    }
    function tile$1(x, n) {
      if (!Array.isArray(n)) {
        n = [n];
      }
      if (x.rank !== n.length) {
        throw new ValueError("The length of input n (".concat(n.length, ") does not match ") + "the number of dimensions in input x (".concat(x.rank, ")"));
      }
      return tfc__namespace.tile(x, n);
    }
    function randomNormal$1(shape, mean, stddev, dtype, seed) {
      if (mean === void 0) {
        mean = 0;
      }
      if (stddev === void 0) {
        stddev = 1;
      }
      return tfc__namespace.randomNormal(shape, mean, stddev, dtype, seed);
    }
    function dot$1(a, b, activation2, bias) {
      if (a.rank < 2 || b.rank < 2) {
        throw new NotImplementedError("dot requires both inputs to be rank >= 2" + " but got x shape = ".concat(a.shape, " and y shape = ").concat(b.shape));
      }
      if (b.rank >= 3) {
        var xLastDim = a.shape.slice(-1)[0];
        var ySecondLastDim = b.shape.slice(-2)[0];
        if (xLastDim !== ySecondLastDim) {
          throw new NotImplementedError("If rank y >= 3, then the second last dim" + " of y must equal the last dim of x but got x shape = ".concat(a.shape, " and ") + " y shape = ".concat(b.shape));
        }
      }
      if (a.rank === 2 && b.rank === 2) {
        var transposeA = false;
        var transposeB = false;
        return tfc__namespace.fused.matMul({
          a,
          b,
          transposeA,
          transposeB,
          bias: bias ? reshapeBias(a.rank, bias, imageDataFormat()) : null,
          activation: activation2
        });
      } else {
        var aFirstDims = a.shape.slice();
        var aLastDim = aFirstDims.pop();
        a = tfc__namespace.reshape(a, [-1, aLastDim]);
        var bShape = b.shape.slice();
        var bLastDim = bShape.pop();
        var ySecondLastDim = bShape.pop();
        var yOtherDims = __spreadArray(__spreadArray([], __read(bShape), false), [bLastDim], false);
        var perm = Array.from({ length: b.rank }, function(_, i) {
          if (i === 0) {
            return b.rank - 2;
          } else if (i <= b.rank - 2) {
            return i - 1;
          }
          return i;
        });
        b = tfc__namespace.reshape(tfc__namespace.transpose(b, perm), [ySecondLastDim, -1]);
        var outputShape = __spreadArray(__spreadArray([], __read(aFirstDims), false), __read(yOtherDims), false);
        var transposeA = false;
        var transposeB = false;
        return tfc__namespace.reshape(tfc__namespace.fused.matMul({
          a,
          b,
          transposeA,
          transposeB,
          bias: bias ? reshapeBias(a.rank, bias, imageDataFormat()) : null,
          activation: activation2
        }), outputShape);
      }
    }
    function gather$1(reference, indices, axis) {
      return tfc.tidy(function() {
        if (Array.isArray(indices)) {
          indices = tfc.tensor1d(indices, "int32");
        } else {
          indices = tfc__namespace.cast(indices, "int32");
        }
        return tfc__namespace.gather(reference, indices, axis);
      });
    }
    function square$1(x) {
      return tfc__namespace.mul(x, x);
    }
    function reshapeBias(xRank, bias, dataFormat) {
      var biasShape = bias.shape;
      if (bias.rank !== 1 && bias.rank !== xRank) {
        throw new ValueError("Unexpected bias dimensions: ".concat(bias.rank) + "; expected it to be 1 or ".concat(xRank));
      }
      if (xRank === 5) {
        if (dataFormat === "channelsFirst") {
          if (biasShape.length === 1) {
            return tfc__namespace.reshape(bias, [1, biasShape[0], 1, 1, 1]);
          } else {
            return tfc__namespace.reshape(bias, [1, biasShape[3], biasShape[0], biasShape[1], biasShape[2]]);
          }
        } else if (dataFormat === "channelsLast") {
          if (biasShape.length === 1) {
            return tfc__namespace.reshape(bias, [1, 1, 1, 1, biasShape[0]]);
          } else {
            return tfc__namespace.reshape(bias, [1].concat(biasShape));
          }
        }
      } else if (xRank === 4) {
        if (dataFormat === "channelsFirst") {
          if (biasShape.length === 1) {
            return tfc__namespace.reshape(bias, [1, biasShape[0], 1, 1]);
          } else {
            return tfc__namespace.reshape(bias, [1, biasShape[2], biasShape[0], biasShape[1]]);
          }
        } else if (dataFormat === "channelsLast") {
          if (biasShape.length === 1) {
            return tfc__namespace.reshape(bias, [1, 1, 1, biasShape[0]]);
          } else {
            return tfc__namespace.reshape(bias, [1].concat(biasShape));
          }
        }
      } else if (xRank === 3) {
        if (dataFormat === "channelsFirst") {
          if (biasShape.length === 1) {
            return tfc__namespace.reshape(bias, [1, biasShape[0], 1]);
          } else {
            return tfc__namespace.reshape(bias, [1, biasShape[1], biasShape[0]]);
          }
        } else if (dataFormat === "channelsLast") {
          if (biasShape.length === 1) {
            return tfc__namespace.reshape(bias, [1, 1, biasShape[0]]);
          } else {
            return tfc__namespace.reshape(bias, [1].concat(biasShape));
          }
        }
      } else if (xRank < 3) {
        return bias;
      }
      throw new ValueError("Unsupported input rank by biasAdd: ".concat(bias.rank));
    }
    function biasAdd(x, bias, dataFormat) {
      return tfc.tidy(function() {
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        checkDataFormat(dataFormat);
        return tfc__namespace.add(x, reshapeBias(x.rank, bias, dataFormat));
      });
    }
    function elu$1(x, alpha) {
      if (alpha === void 0) {
        alpha = 1;
      }
      if (alpha !== 1) {
        throw new NotImplementedError("Support for alpha values other than 1 (".concat(alpha, ") is not implemented ") + "yet.");
      }
      return tfc__namespace.elu(x);
    }
    function softsign(x) {
      return tfc.tidy(function() {
        return tfc__namespace.div(x, tfc__namespace.add(tfc__namespace.abs(x), 1));
      });
    }
    function dropout$1(x, level, noiseShape, seed) {
      return tfc.tidy(function() {
        return tfc__namespace.dropout(x, level, noiseShape, seed);
      });
    }
    function hardSigmoid(x) {
      return tfc.tidy(function() {
        var y = tfc__namespace.add(0.5, tfc__namespace.mul(0.2, x));
        return tfc__namespace.clipByValue(y, 0, 1);
      });
    }
    function inTrainPhase(x, alt, training) {
      if (training === void 0) {
        training = false;
      }
      return training ? x() : alt();
    }
    var VALID_FAN_MODE_VALUES = ["fanIn", "fanOut", "fanAvg"];
    var VALID_DISTRIBUTION_VALUES = ["normal", "uniform", "truncatedNormal"];
    function checkFanMode(value) {
      checkStringTypeUnionValue(VALID_FAN_MODE_VALUES, "FanMode", value);
    }
    function checkDistribution(value) {
      checkStringTypeUnionValue(VALID_DISTRIBUTION_VALUES, "Distribution", value);
    }
    var Initializer = (
      /** @class */
      (function(_super) {
        __extends(Initializer2, _super);
        function Initializer2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Initializer2.prototype.fromConfigUsesCustomObjects = function() {
          return false;
        };
        Initializer2.prototype.getConfig = function() {
          return {};
        };
        return Initializer2;
      })(tfc.serialization.Serializable)
    );
    var Zeros = (
      /** @class */
      (function(_super) {
        __extends(Zeros2, _super);
        function Zeros2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Zeros2.prototype.apply = function(shape, dtype) {
          return tfc.zeros(shape, dtype);
        };
        return Zeros2;
      })(Initializer)
    );
    Zeros.className = "Zeros";
    tfc.serialization.registerClass(Zeros);
    var Ones = (
      /** @class */
      (function(_super) {
        __extends(Ones2, _super);
        function Ones2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Ones2.prototype.apply = function(shape, dtype) {
          return tfc.ones(shape, dtype);
        };
        return Ones2;
      })(Initializer)
    );
    Ones.className = "Ones";
    tfc.serialization.registerClass(Ones);
    var Constant = (
      /** @class */
      (function(_super) {
        __extends(Constant2, _super);
        function Constant2(args) {
          var _this = _super.call(this) || this;
          if (typeof args !== "object") {
            throw new ValueError("Expected argument of type ConstantConfig but got ".concat(args));
          }
          if (args.value === void 0) {
            throw new ValueError("config must have value set but got ".concat(args));
          }
          _this.value = args.value;
          return _this;
        }
        Constant2.prototype.apply = function(shape, dtype) {
          var _this = this;
          return tfc.tidy(function() {
            return tfc.mul(tfc.scalar(_this.value), tfc.ones(shape, dtype));
          });
        };
        Constant2.prototype.getConfig = function() {
          return {
            value: this.value
          };
        };
        return Constant2;
      })(Initializer)
    );
    Constant.className = "Constant";
    tfc.serialization.registerClass(Constant);
    var RandomUniform = (
      /** @class */
      (function(_super) {
        __extends(RandomUniform2, _super);
        function RandomUniform2(args) {
          var _this = _super.call(this) || this;
          _this.DEFAULT_MINVAL = -0.05;
          _this.DEFAULT_MAXVAL = 0.05;
          _this.minval = args.minval || _this.DEFAULT_MINVAL;
          _this.maxval = args.maxval || _this.DEFAULT_MAXVAL;
          _this.seed = args.seed;
          return _this;
        }
        RandomUniform2.prototype.apply = function(shape, dtype) {
          return tfc.randomUniform(shape, this.minval, this.maxval, dtype, this.seed);
        };
        RandomUniform2.prototype.getConfig = function() {
          return { minval: this.minval, maxval: this.maxval, seed: this.seed };
        };
        return RandomUniform2;
      })(Initializer)
    );
    RandomUniform.className = "RandomUniform";
    tfc.serialization.registerClass(RandomUniform);
    var RandomNormal = (
      /** @class */
      (function(_super) {
        __extends(RandomNormal2, _super);
        function RandomNormal2(args) {
          var _this = _super.call(this) || this;
          _this.DEFAULT_MEAN = 0;
          _this.DEFAULT_STDDEV = 0.05;
          _this.mean = args.mean || _this.DEFAULT_MEAN;
          _this.stddev = args.stddev || _this.DEFAULT_STDDEV;
          _this.seed = args.seed;
          return _this;
        }
        RandomNormal2.prototype.apply = function(shape, dtype) {
          dtype = dtype || "float32";
          if (dtype !== "float32" && dtype !== "int32") {
            throw new NotImplementedError("randomNormal does not support dType ".concat(dtype, "."));
          }
          return randomNormal$1(shape, this.mean, this.stddev, dtype, this.seed);
        };
        RandomNormal2.prototype.getConfig = function() {
          return { mean: this.mean, stddev: this.stddev, seed: this.seed };
        };
        return RandomNormal2;
      })(Initializer)
    );
    RandomNormal.className = "RandomNormal";
    tfc.serialization.registerClass(RandomNormal);
    var TruncatedNormal = (
      /** @class */
      (function(_super) {
        __extends(TruncatedNormal2, _super);
        function TruncatedNormal2(args) {
          var _this = _super.call(this) || this;
          _this.DEFAULT_MEAN = 0;
          _this.DEFAULT_STDDEV = 0.05;
          _this.mean = args.mean || _this.DEFAULT_MEAN;
          _this.stddev = args.stddev || _this.DEFAULT_STDDEV;
          _this.seed = args.seed;
          return _this;
        }
        TruncatedNormal2.prototype.apply = function(shape, dtype) {
          dtype = dtype || "float32";
          if (dtype !== "float32" && dtype !== "int32") {
            throw new NotImplementedError("truncatedNormal does not support dType ".concat(dtype, "."));
          }
          return tfc.truncatedNormal(shape, this.mean, this.stddev, dtype, this.seed);
        };
        TruncatedNormal2.prototype.getConfig = function() {
          return { mean: this.mean, stddev: this.stddev, seed: this.seed };
        };
        return TruncatedNormal2;
      })(Initializer)
    );
    TruncatedNormal.className = "TruncatedNormal";
    tfc.serialization.registerClass(TruncatedNormal);
    var Identity$1 = (
      /** @class */
      (function(_super) {
        __extends(Identity2, _super);
        function Identity2(args) {
          var _this = _super.call(this) || this;
          _this.gain = args.gain != null ? args.gain : 1;
          return _this;
        }
        Identity2.prototype.apply = function(shape, dtype) {
          var _this = this;
          return tfc.tidy(function() {
            if (shape.length !== 2 || shape[0] !== shape[1]) {
              throw new ValueError("Identity matrix initializer can only be used for 2D square matrices.");
            } else {
              return tfc.mul(_this.gain, tfc.eye(shape[0]));
            }
          });
        };
        Identity2.prototype.getConfig = function() {
          return { gain: this.gain };
        };
        return Identity2;
      })(Initializer)
    );
    Identity$1.className = "Identity";
    tfc.serialization.registerClass(Identity$1);
    function computeFans(shape, dataFormat) {
      if (dataFormat === void 0) {
        dataFormat = "channelsLast";
      }
      var fanIn;
      var fanOut;
      checkDataFormat(dataFormat);
      if (shape.length === 2) {
        fanIn = shape[0];
        fanOut = shape[1];
      } else if ([3, 4, 5].indexOf(shape.length) !== -1) {
        if (dataFormat === "channelsFirst") {
          var receptiveFieldSize = arrayProd(shape, 2);
          fanIn = shape[1] * receptiveFieldSize;
          fanOut = shape[0] * receptiveFieldSize;
        } else if (dataFormat === "channelsLast") {
          var receptiveFieldSize = arrayProd(shape, 0, shape.length - 2);
          fanIn = shape[shape.length - 2] * receptiveFieldSize;
          fanOut = shape[shape.length - 1] * receptiveFieldSize;
        }
      } else {
        var shapeProd = arrayProd(shape);
        fanIn = Math.sqrt(shapeProd);
        fanOut = Math.sqrt(shapeProd);
      }
      return [fanIn, fanOut];
    }
    var VarianceScaling = (
      /** @class */
      (function(_super) {
        __extends(VarianceScaling2, _super);
        function VarianceScaling2(args) {
          var _this = _super.call(this) || this;
          if (args.scale < 0) {
            throw new ValueError("scale must be a positive float. Got: ".concat(args.scale));
          }
          _this.scale = args.scale == null ? 1 : args.scale;
          _this.mode = args.mode == null ? "fanIn" : args.mode;
          checkFanMode(_this.mode);
          _this.distribution = args.distribution == null ? "normal" : args.distribution;
          checkDistribution(_this.distribution);
          _this.seed = args.seed;
          return _this;
        }
        VarianceScaling2.prototype.apply = function(shape, dtype) {
          var fans = computeFans(shape);
          var fanIn = fans[0];
          var fanOut = fans[1];
          var scale = this.scale;
          if (this.mode === "fanIn") {
            scale /= Math.max(1, fanIn);
          } else if (this.mode === "fanOut") {
            scale /= Math.max(1, fanOut);
          } else {
            scale /= Math.max(1, (fanIn + fanOut) / 2);
          }
          if (this.distribution === "normal") {
            var stddev = Math.sqrt(scale);
            dtype = dtype || "float32";
            if (dtype !== "float32" && dtype !== "int32") {
              throw new NotImplementedError("".concat(this.getClassName(), " does not support dType ").concat(dtype, "."));
            }
            return tfc.truncatedNormal(shape, 0, stddev, dtype, this.seed);
          } else {
            var limit = Math.sqrt(3 * scale);
            return tfc.randomUniform(shape, -limit, limit, dtype, this.seed);
          }
        };
        VarianceScaling2.prototype.getConfig = function() {
          return {
            scale: this.scale,
            mode: this.mode,
            distribution: this.distribution,
            seed: this.seed
          };
        };
        return VarianceScaling2;
      })(Initializer)
    );
    VarianceScaling.className = "VarianceScaling";
    tfc.serialization.registerClass(VarianceScaling);
    var GlorotUniform = (
      /** @class */
      (function(_super) {
        __extends(GlorotUniform2, _super);
        function GlorotUniform2(args) {
          return _super.call(this, {
            scale: 1,
            mode: "fanAvg",
            distribution: "uniform",
            seed: args == null ? null : args.seed
          }) || this;
        }
        GlorotUniform2.prototype.getClassName = function() {
          return VarianceScaling.className;
        };
        return GlorotUniform2;
      })(VarianceScaling)
    );
    GlorotUniform.className = "GlorotUniform";
    tfc.serialization.registerClass(GlorotUniform);
    var GlorotNormal = (
      /** @class */
      (function(_super) {
        __extends(GlorotNormal2, _super);
        function GlorotNormal2(args) {
          return _super.call(this, {
            scale: 1,
            mode: "fanAvg",
            distribution: "normal",
            seed: args == null ? null : args.seed
          }) || this;
        }
        GlorotNormal2.prototype.getClassName = function() {
          return VarianceScaling.className;
        };
        return GlorotNormal2;
      })(VarianceScaling)
    );
    GlorotNormal.className = "GlorotNormal";
    tfc.serialization.registerClass(GlorotNormal);
    var HeNormal = (
      /** @class */
      (function(_super) {
        __extends(HeNormal2, _super);
        function HeNormal2(args) {
          return _super.call(this, {
            scale: 2,
            mode: "fanIn",
            distribution: "normal",
            seed: args == null ? null : args.seed
          }) || this;
        }
        HeNormal2.prototype.getClassName = function() {
          return VarianceScaling.className;
        };
        return HeNormal2;
      })(VarianceScaling)
    );
    HeNormal.className = "HeNormal";
    tfc.serialization.registerClass(HeNormal);
    var HeUniform = (
      /** @class */
      (function(_super) {
        __extends(HeUniform2, _super);
        function HeUniform2(args) {
          return _super.call(this, {
            scale: 2,
            mode: "fanIn",
            distribution: "uniform",
            seed: args == null ? null : args.seed
          }) || this;
        }
        HeUniform2.prototype.getClassName = function() {
          return VarianceScaling.className;
        };
        return HeUniform2;
      })(VarianceScaling)
    );
    HeUniform.className = "HeUniform";
    tfc.serialization.registerClass(HeUniform);
    var LeCunNormal = (
      /** @class */
      (function(_super) {
        __extends(LeCunNormal2, _super);
        function LeCunNormal2(args) {
          return _super.call(this, {
            scale: 1,
            mode: "fanIn",
            distribution: "normal",
            seed: args == null ? null : args.seed
          }) || this;
        }
        LeCunNormal2.prototype.getClassName = function() {
          return VarianceScaling.className;
        };
        return LeCunNormal2;
      })(VarianceScaling)
    );
    LeCunNormal.className = "LeCunNormal";
    tfc.serialization.registerClass(LeCunNormal);
    var LeCunUniform = (
      /** @class */
      (function(_super) {
        __extends(LeCunUniform2, _super);
        function LeCunUniform2(args) {
          return _super.call(this, {
            scale: 1,
            mode: "fanIn",
            distribution: "uniform",
            seed: args == null ? null : args.seed
          }) || this;
        }
        LeCunUniform2.prototype.getClassName = function() {
          return VarianceScaling.className;
        };
        return LeCunUniform2;
      })(VarianceScaling)
    );
    LeCunUniform.className = "LeCunUniform";
    tfc.serialization.registerClass(LeCunUniform);
    var Orthogonal = (
      /** @class */
      (function(_super) {
        __extends(Orthogonal2, _super);
        function Orthogonal2(args) {
          var _this = _super.call(this) || this;
          _this.DEFAULT_GAIN = 1;
          _this.ELEMENTS_WARN_SLOW = 2e3;
          _this.gain = args.gain == null ? _this.DEFAULT_GAIN : args.gain;
          _this.seed = args.seed;
          return _this;
        }
        Orthogonal2.prototype.apply = function(shape, dtype) {
          var _this = this;
          return tfc.tidy(function() {
            if (shape.length < 2) {
              throw new NotImplementedError("Shape must be at least 2D.");
            }
            if (dtype !== "int32" && dtype !== "float32" && dtype !== void 0) {
              throw new TypeError("Unsupported data type ".concat(dtype, "."));
            }
            dtype = dtype;
            var numRows = tfc.util.sizeFromShape(shape.slice(0, -1));
            var numCols = shape[shape.length - 1];
            var numElements = numRows * numCols;
            if (numElements > _this.ELEMENTS_WARN_SLOW) {
              console.warn("Orthogonal initializer is being called on a matrix with more " + "than ".concat(_this.ELEMENTS_WARN_SLOW, " (").concat(numElements, ") elements: ") + "Slowness may result.");
            }
            var flatShape = [Math.max(numCols, numRows), Math.min(numCols, numRows)];
            var randNormalMat = randomNormal$1(flatShape, 0, 1, dtype, _this.seed);
            var qr = tfc.linalg.qr(randNormalMat, false);
            var qMat = qr[0];
            var rMat = qr[1];
            var diag = rMat.flatten().stridedSlice([0], [Math.min(numCols, numRows) * Math.min(numCols, numRows)], [Math.min(numCols, numRows) + 1]);
            qMat = tfc.mul(qMat, diag.sign());
            if (numRows < numCols) {
              qMat = qMat.transpose();
            }
            return tfc.mul(tfc.scalar(_this.gain), qMat.reshape(shape));
          });
        };
        Orthogonal2.prototype.getConfig = function() {
          return {
            gain: this.gain,
            seed: this.seed
          };
        };
        return Orthogonal2;
      })(Initializer)
    );
    Orthogonal.className = "Orthogonal";
    tfc.serialization.registerClass(Orthogonal);
    var INITIALIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP = {
      "constant": "Constant",
      "glorotNormal": "GlorotNormal",
      "glorotUniform": "GlorotUniform",
      "heNormal": "HeNormal",
      "heUniform": "HeUniform",
      "identity": "Identity",
      "leCunNormal": "LeCunNormal",
      "leCunUniform": "LeCunUniform",
      "ones": "Ones",
      "orthogonal": "Orthogonal",
      "randomNormal": "RandomNormal",
      "randomUniform": "RandomUniform",
      "truncatedNormal": "TruncatedNormal",
      "varianceScaling": "VarianceScaling",
      "zeros": "Zeros"
    };
    function deserializeInitializer(config, customObjects) {
      if (customObjects === void 0) {
        customObjects = {};
      }
      return deserializeKerasObject(config, tfc.serialization.SerializationMap.getMap().classNameMap, customObjects, "initializer");
    }
    function serializeInitializer(initializer) {
      return serializeKerasObject(initializer);
    }
    function getInitializer(identifier) {
      if (typeof identifier === "string") {
        var className = identifier in INITIALIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP ? INITIALIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP[identifier] : identifier;
        if (className === "GlorotNormal") {
          return new GlorotNormal();
        } else if (className === "GlorotUniform") {
          return new GlorotUniform();
        } else if (className === "HeNormal") {
          return new HeNormal();
        } else if (className === "HeUniform") {
          return new HeUniform();
        } else if (className === "LeCunNormal") {
          return new LeCunNormal();
        } else if (className === "LeCunUniform") {
          return new LeCunUniform();
        } else {
          var config = {};
          config["className"] = className;
          config["config"] = {};
          return deserializeInitializer(config);
        }
      } else if (identifier instanceof Initializer) {
        return identifier;
      } else {
        return deserializeInitializer(identifier);
      }
    }
    function isArrayOfShapes(x) {
      return Array.isArray(x) && Array.isArray(x[0]);
    }
    function normalizeShapeList(x) {
      if (x.length === 0) {
        return [];
      }
      if (!Array.isArray(x[0])) {
        return [x];
      }
      return x;
    }
    function getExactlyOneTensor(xs) {
      var x;
      if (Array.isArray(xs)) {
        if (xs.length !== 1) {
          throw new ValueError("Expected Tensor length to be 1; got ".concat(xs.length));
        }
        x = xs[0];
      } else {
        x = xs;
      }
      return x;
    }
    function getExactlyOneShape(shapes) {
      if (Array.isArray(shapes) && Array.isArray(shapes[0])) {
        if (shapes.length === 1) {
          shapes = shapes;
          return shapes[0];
        } else {
          throw new ValueError("Expected exactly 1 Shape; got ".concat(shapes.length));
        }
      } else {
        return shapes;
      }
    }
    function countParamsInWeights(weights) {
      var e_12, _a2;
      var count2 = 0;
      try {
        for (var weights_1 = __values(weights), weights_1_1 = weights_1.next(); !weights_1_1.done; weights_1_1 = weights_1.next()) {
          var weight = weights_1_1.value;
          if (weight.shape.length === 0) {
            count2 += 1;
          } else {
            count2 += weight.shape.reduce(function(a, b) {
              return a * b;
            });
          }
        }
      } catch (e_1_1) {
        e_12 = { error: e_1_1 };
      } finally {
        try {
          if (weights_1_1 && !weights_1_1.done && (_a2 = weights_1.return)) _a2.call(weights_1);
        } finally {
          if (e_12) throw e_12.error;
        }
      }
      return count2;
    }
    var DEFAULT_VARIABLE_NAME_PREFIX = "Variable";
    var LayerVariable = (
      /** @class */
      (function() {
        function LayerVariable2(val, dtype, name, trainable, constraint) {
          if (dtype === void 0) {
            dtype = "float32";
          }
          if (name === void 0) {
            name = DEFAULT_VARIABLE_NAME_PREFIX;
          }
          if (trainable === void 0) {
            trainable = true;
          }
          if (constraint === void 0) {
            constraint = null;
          }
          this.dtype = dtype == null ? "float32" : dtype;
          this.shape = val.shape;
          this.id = getNextUniqueTensorId();
          name = name == null ? DEFAULT_VARIABLE_NAME_PREFIX : name;
          this.originalName = getScopedTensorName(name);
          this.name = getUniqueTensorName(this.originalName);
          this.trainable_ = trainable;
          this.constraint = constraint;
          this.val = tfc__namespace.variable(val, this.trainable_, this.name, this.dtype);
        }
        LayerVariable2.prototype.read = function() {
          this.assertNotDisposed();
          return this.val;
        };
        LayerVariable2.prototype.write = function(newVal) {
          this.assertNotDisposed();
          checkShapesMatch(this.val, newVal);
          if (this.val.id !== newVal.id) {
            this.val.assign(newVal);
            if (this.constraint != null) {
              this.val.assign(this.constraint.apply(this.val));
            }
          }
          return this;
        };
        LayerVariable2.prototype.dispose = function() {
          this.assertNotDisposed();
          this.val.dispose();
        };
        LayerVariable2.prototype.assertNotDisposed = function() {
          if (this.val.isDisposed) {
            throw new Error("LayersVariable ".concat(this.name, " is already disposed."));
          }
        };
        Object.defineProperty(LayerVariable2.prototype, "trainable", {
          get: function() {
            return this.trainable_;
          },
          set: function(trainable) {
            this.trainable_ = trainable;
            this.val.trainable = trainable;
          },
          enumerable: false,
          configurable: true
        });
        return LayerVariable2;
      })()
    );
    function checkShapesMatch(x, y) {
      if (x.shape.toString() !== y.shape.toString()) {
        throw new Error("Shape mismatch: " + JSON.stringify(x.shape) + " vs. " + JSON.stringify(y.shape));
      }
    }
    function batchGetValue(xs) {
      return xs.map(function(x) {
        return x.read();
      });
    }
    function batchSetValue(variablesAndValues) {
      variablesAndValues.forEach(function(variableAndValue) {
        var variable = variableAndValue[0];
        variable.write(variableAndValue[1]);
      });
    }
    var InputSpec = (
      /** @class */
      /* @__PURE__ */ (function() {
        function InputSpec2(args) {
          this.dtype = args.dtype;
          this.shape = args.shape;
          if (args.shape != null) {
            this.ndim = args.shape.length;
          } else {
            this.ndim = args.ndim;
          }
          this.maxNDim = args.maxNDim;
          this.minNDim = args.minNDim;
          this.axes = args.axes || {};
        }
        return InputSpec2;
      })()
    );
    var SymbolicTensor = (
      /** @class */
      /* @__PURE__ */ (function() {
        function SymbolicTensor2(dtype, shape, sourceLayer, inputs, callArgs, name, outputTensorIndex) {
          this.dtype = dtype;
          this.shape = shape;
          this.sourceLayer = sourceLayer;
          this.inputs = inputs;
          this.callArgs = callArgs;
          this.outputTensorIndex = outputTensorIndex;
          this.id = getNextUniqueTensorId();
          if (name != null) {
            this.originalName = getScopedTensorName(name);
            this.name = getUniqueTensorName(this.originalName);
          }
          this.rank = shape.length;
        }
        return SymbolicTensor2;
      })()
    );
    var _nextNodeID = 0;
    var Node = (
      /** @class */
      (function() {
        function Node2(args, callArgs) {
          var e_12, _a2;
          this.callArgs = callArgs;
          this.id = _nextNodeID++;
          this.outboundLayer = args.outboundLayer;
          this.inboundLayers = args.inboundLayers;
          this.nodeIndices = args.nodeIndices;
          this.tensorIndices = args.tensorIndices;
          this.inputTensors = args.inputTensors;
          this.outputTensors = args.outputTensors;
          this.inputMasks = args.inputMasks;
          this.outputMasks = args.outputMasks;
          this.inputShapes = args.inputShapes;
          this.outputShapes = args.outputShapes;
          try {
            for (var _b = __values(args.inboundLayers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              if (layer != null) {
                layer.outboundNodes.push(this);
              }
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
          args.outboundLayer.inboundNodes.push(this);
        }
        Node2.prototype.getConfig = function() {
          var e_2, _a2;
          var inboundNames = [];
          try {
            for (var _b = __values(this.inboundLayers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              if (layer != null) {
                inboundNames.push(layer.name);
              } else {
                inboundNames.push(null);
              }
            }
          } catch (e_2_1) {
            e_2 = { error: e_2_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_2) throw e_2.error;
            }
          }
          return {
            outboundLayer: this.outboundLayer ? this.outboundLayer.name : null,
            inboundLayers: inboundNames,
            nodeIndices: this.nodeIndices,
            tensorIndices: this.tensorIndices
          };
        };
        return Node2;
      })()
    );
    var _nextLayerID = 0;
    var Layer = (
      /** @class */
      (function(_super) {
        __extends(Layer2, _super);
        function Layer2(args) {
          if (args === void 0) {
            args = {};
          }
          var _this = _super.call(this) || this;
          _this._callHook = null;
          _this._addedWeightNames = [];
          _this._stateful = false;
          _this.id = _nextLayerID++;
          _this.activityRegularizer = null;
          _this.inputSpec = null;
          _this.supportsMasking = false;
          _this._trainableWeights = [];
          _this._nonTrainableWeights = [];
          _this._losses = [];
          _this._updates = [];
          _this._built = false;
          _this.inboundNodes = [];
          _this.outboundNodes = [];
          var name = args.name;
          if (!name) {
            var prefix = _this.getClassName();
            name = toSnakeCase(prefix) + "_" + getUid(prefix);
          }
          _this.name = name;
          _this.trainable_ = args.trainable == null ? true : args.trainable;
          if (args.inputShape != null || args.batchInputShape != null) {
            var batchInputShape = void 0;
            if (args.batchInputShape != null) {
              batchInputShape = args.batchInputShape;
            } else if (args.inputShape != null) {
              var batchSize = null;
              if (args.batchSize != null) {
                batchSize = args.batchSize;
              }
              batchInputShape = [batchSize].concat(args.inputShape);
            }
            _this.batchInputShape = batchInputShape;
            var dtype = args.dtype;
            if (dtype == null) {
              dtype = args.inputDType;
            }
            if (dtype == null) {
              dtype = "float32";
            }
            _this.dtype = dtype;
          }
          if (args.weights != null) {
            _this.initialWeights = args.weights;
          } else {
            _this.initialWeights = null;
          }
          _this._refCount = null;
          _this.fastWeightInitDuringBuild = false;
          return _this;
        }
        Layer2.nodeKey = function(layer, nodeIndex) {
          return layer.name + "_ib-" + nodeIndex.toString();
        };
        Layer2.prototype.getNodeAtIndex = function(nodeIndex, attrName) {
          if (this.inboundNodes.length === 0) {
            throw new RuntimeError("The layer has never been called " + "and thus has no defined ".concat(attrName, "."));
          }
          if (this.inboundNodes.length <= nodeIndex) {
            throw new ValueError("Asked to get ".concat(attrName, " at node ").concat(nodeIndex, ", ") + "but the layer has only ".concat(this.inboundNodes.length, " inbound nodes."));
          }
          return this.inboundNodes[nodeIndex];
        };
        Layer2.prototype.getInputAt = function(nodeIndex) {
          return singletonOrArray(this.getNodeAtIndex(nodeIndex, "input").inputTensors);
        };
        Layer2.prototype.getOutputAt = function(nodeIndex) {
          return singletonOrArray(this.getNodeAtIndex(nodeIndex, "output").outputTensors);
        };
        Object.defineProperty(Layer2.prototype, "input", {
          // Properties
          /**
           * Retrieves the input tensor(s) of a layer.
           *
           * Only applicable if the layer has exactly one inbound node,
           * i.e. if it is connected to one incoming layer.
           *
           * @return Input tensor or list of input tensors.
           *
           * @exception AttributeError if the layer is connected to more than one
           *   incoming layers.
           */
          get: function() {
            if (this.inboundNodes.length > 1) {
              throw new AttributeError("Layer ".concat(this.name) + ' has multiple inbound nodes, hence the notion of "layer input" is ill-defined. Use `getInputAt(nodeIndex)` instead.');
            } else if (this.inboundNodes.length === 0) {
              throw new AttributeError("Layer ".concat(this.name) + " is not connected, no input to return.");
            }
            return singletonOrArray(this.getNodeAtIndex(0, "input").inputTensors);
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "output", {
          /**
           * Retrieves the output tensor(s) of a layer.
           *
           * Only applicable if the layer has exactly one inbound node,
           * i.e. if it is connected to one incoming layer.
           *
           * @return Output tensor or list of output tensors.
           *
           * @exception AttributeError if the layer is connected to more than one
           *   incoming layers.
           */
          get: function() {
            if (this.inboundNodes.length === 0) {
              throw new AttributeError("Layer ".concat(this.name) + " has no inbound nodes.");
            }
            if (this.inboundNodes.length > 1) {
              throw new AttributeError("Layer ".concat(this.name) + ' has multiple inbound nodes, hence the notion of "layer output" is ill-defined. Use `getOutputAt(nodeIndex)` instead.');
            }
            return singletonOrArray(this.getNodeAtIndex(0, "output").outputTensors);
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "losses", {
          get: function() {
            return this._losses;
          },
          enumerable: false,
          configurable: true
        });
        Layer2.prototype.calculateLosses = function() {
          return this.losses.map(function(lossFn) {
            return lossFn();
          });
        };
        Object.defineProperty(Layer2.prototype, "updates", {
          get: function() {
            return this._updates;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "built", {
          get: function() {
            return this._built;
          },
          set: function(built) {
            this._built = built;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "trainable", {
          get: function() {
            return this.trainable_;
          },
          set: function(trainable) {
            this._trainableWeights.forEach(function(w) {
              return w.trainable = trainable;
            });
            this.trainable_ = trainable;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "trainableWeights", {
          get: function() {
            if (this.trainable_) {
              return this._trainableWeights.filter(function(w) {
                return w.trainable;
              });
            } else {
              return [];
            }
          },
          set: function(weights) {
            this._trainableWeights = weights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "nonTrainableWeights", {
          get: function() {
            if (this.trainable) {
              return this._trainableWeights.filter(function(w) {
                return !w.trainable;
              }).concat(this._nonTrainableWeights);
            } else {
              return this._trainableWeights.concat(this._nonTrainableWeights);
            }
          },
          set: function(weights) {
            this._nonTrainableWeights = weights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "weights", {
          /**
           * The concatenation of the lists trainableWeights and nonTrainableWeights
           * (in this order).
           */
          get: function() {
            return this.trainableWeights.concat(this.nonTrainableWeights);
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Layer2.prototype, "stateful", {
          get: function() {
            return this._stateful;
          },
          enumerable: false,
          configurable: true
        });
        Layer2.prototype.resetStates = function() {
          if (!this.stateful) {
            throw new Error("Cannot call the resetStates() method of a non-stateful Layer object.");
          }
        };
        Layer2.prototype.assertInputCompatibility = function(inputs) {
          var inputsList = toList(inputs);
          if (this.inputSpec == null || this.inputSpec.length === 0) {
            return;
          }
          var inputSpec = toList(this.inputSpec);
          if (inputsList.length !== inputSpec.length) {
            throw new ValueError("Layer ".concat(this.name, " expects ").concat(inputSpec.length, " inputs, ") + "but it received ".concat(inputsList.length, " input tensors. ") + "Input received: ".concat(inputs));
          }
          for (var inputIndex = 0; inputIndex < inputsList.length; inputIndex++) {
            var x = inputsList[inputIndex];
            var spec = inputSpec[inputIndex];
            if (spec == null) {
              continue;
            }
            var ndim = x.rank;
            if (spec.ndim != null) {
              if (ndim !== spec.ndim) {
                throw new ValueError("Input ".concat(inputIndex, " is incompatible with layer ").concat(this.name, ": ") + "expected ndim=".concat(spec.ndim, ", found ndim=").concat(ndim));
              }
            }
            if (spec.maxNDim != null) {
              if (ndim > spec.maxNDim) {
                throw new ValueError("Input ".concat(inputIndex, " is incompatible with layer ").concat(this.name) + ": expected max_ndim=".concat(spec.maxNDim, ", found ndim=").concat(ndim));
              }
            }
            if (spec.minNDim != null) {
              if (ndim < spec.minNDim) {
                throw new ValueError("Input ".concat(inputIndex, " is incompatible with layer ").concat(this.name) + ": expected min_ndim=".concat(spec.minNDim, ", found ndim=").concat(ndim, "."));
              }
            }
            if (spec.dtype != null) {
              if (x.dtype !== spec.dtype) {
                throw new ValueError("Input ".concat(inputIndex, " is incompatible with layer ").concat(this.name, " ") + ": expected dtype=".concat(spec.dtype, ", found dtype=").concat(x.dtype, "."));
              }
            }
            if (spec.axes) {
              var xShape = x.shape;
              for (var key in spec.axes) {
                var axis = Number(key);
                var value = spec.axes[key];
                var xShapeAtAxis = axis >= 0 ? xShape[axis] : xShape[xShape.length + axis];
                if (value != null && [value, null].indexOf(xShapeAtAxis) === -1) {
                  throw new ValueError("Input ".concat(inputIndex, " is incompatible with layer ") + "".concat(this.name, ": expected axis ").concat(axis, " of input shape to ") + "have value ".concat(value, " but got shape ").concat(xShape, "."));
                }
              }
            }
            if (spec.shape != null) {
              for (var i = 0; i < spec.shape.length; ++i) {
                var specDim = spec.shape[i];
                var dim = x.shape[i];
                if (specDim != null && dim != null) {
                  if (specDim !== dim) {
                    throw new ValueError("Input ".concat(inputIndex, " is incompatible with layer ") + "".concat(this.name, ": expected shape=").concat(spec.shape, ", ") + "found shape=".concat(x.shape, "."));
                  }
                }
              }
            }
          }
        };
        Layer2.prototype.call = function(inputs, kwargs) {
          return inputs;
        };
        Layer2.prototype.invokeCallHook = function(inputs, kwargs) {
          if (this._callHook != null) {
            this._callHook(inputs, kwargs);
          }
        };
        Layer2.prototype.setCallHook = function(callHook) {
          this._callHook = callHook;
        };
        Layer2.prototype.clearCallHook = function() {
          this._callHook = null;
        };
        Layer2.prototype.apply = function(inputs, kwargs) {
          var _this = this;
          kwargs = kwargs || {};
          this.assertNotDisposed();
          var inputsList = toList(inputs);
          var allAreSymbolic = checkAllSymbolic(inputs);
          var noneAreSymbolic = checkNoneSymbolic(inputs);
          if (allAreSymbolic === noneAreSymbolic) {
            throw new ValueError("Arguments to apply() must be all SymbolicTensors or all Tensors");
          }
          return nameScope(this.name, function() {
            var e_3, _a2, e_4, _b;
            if (!_this.built) {
              _this.assertInputCompatibility(inputs);
              var inputShapes = [];
              try {
                for (var _c = __values(toList(inputs)), _d = _c.next(); !_d.done; _d = _c.next()) {
                  var xElem = _d.value;
                  inputShapes.push(xElem.shape);
                }
              } catch (e_3_1) {
                e_3 = { error: e_3_1 };
              } finally {
                try {
                  if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
                } finally {
                  if (e_3) throw e_3.error;
                }
              }
              _this.build(singletonOrArray(inputShapes));
              _this.built = true;
              if (_this.initialWeights) {
                _this.setWeights(_this.initialWeights);
              }
              if (_this._refCount === null && noneAreSymbolic) {
                _this._refCount = 1;
              }
            }
            _this.assertInputCompatibility(inputs);
            if (noneAreSymbolic) {
              var output = _this.call(inputs, kwargs);
              if (_this.supportsMasking) {
                _this.setMaskMetadata(inputs, output);
              }
              var outputList = toList(output);
              var outputListCopy = [];
              try {
                for (var outputList_1 = __values(outputList), outputList_1_1 = outputList_1.next(); !outputList_1_1.done; outputList_1_1 = outputList_1.next()) {
                  var x = outputList_1_1.value;
                  if (inputsList.indexOf(x) !== -1) {
                    x = x.clone();
                  }
                  outputListCopy.push(x);
                }
              } catch (e_4_1) {
                e_4 = { error: e_4_1 };
              } finally {
                try {
                  if (outputList_1_1 && !outputList_1_1.done && (_b = outputList_1.return)) _b.call(outputList_1);
                } finally {
                  if (e_4) throw e_4.error;
                }
              }
              output = singletonOrArray(outputListCopy);
              if (_this.activityRegularizer != null) {
                throw new NotImplementedError("Layer invocation in the presence of activity regularizer(s) is not supported yet.");
              }
              return output;
            } else {
              var inputShape = collectInputShape(inputs);
              var outputShape = _this.computeOutputShape(inputShape);
              var output = void 0;
              var outputDType_1 = guessOutputDType(inputs);
              _this.warnOnIncompatibleInputShape(Array.isArray(inputs) ? inputShape[0] : inputShape);
              if (outputShape != null && outputShape.length > 0 && Array.isArray(outputShape[0])) {
                output = outputShape.map(function(shape, index) {
                  return new SymbolicTensor(outputDType_1, shape, _this, toList(inputs), kwargs, _this.name, index);
                });
              } else {
                output = new SymbolicTensor(outputDType_1, outputShape, _this, toList(inputs), kwargs, _this.name);
              }
              _this.addInboundNode(inputs, output, null, null, inputShape, outputShape, kwargs);
              _this._refCount++;
              if (_this.activityRegularizer != null) {
                throw new NotImplementedError("Layer invocation in the presence of activity regularizer(s) is not supported yet.");
              }
              return output;
            }
          });
        };
        Layer2.prototype.warnOnIncompatibleInputShape = function(inputShape) {
          if (this.batchInputShape == null) {
            return;
          } else if (inputShape.length !== this.batchInputShape.length) {
            console.warn("The rank of the input tensor provided (shape: " + "".concat(JSON.stringify(inputShape), ") does not match that of the ") + "batchInputShape (".concat(JSON.stringify(this.batchInputShape), ") ") + "of the layer ".concat(this.name));
          } else {
            var dimMismatch_1 = false;
            this.batchInputShape.forEach(function(dimension, i) {
              if (dimension != null && inputShape[i] != null && inputShape[i] !== dimension) {
                dimMismatch_1 = true;
              }
            });
            if (dimMismatch_1) {
              console.warn("The shape of the input tensor " + "(".concat(JSON.stringify(inputShape), ") does not ") + "match the expectation of layer ".concat(this.name, ": ") + "".concat(JSON.stringify(this.batchInputShape)));
            }
          }
        };
        Object.defineProperty(Layer2.prototype, "outputShape", {
          /**
           * Retrieves the output shape(s) of a layer.
           *
           * Only applicable if the layer has only one inbound node, or if all inbound
           * nodes have the same output shape.
           *
           * @returns Output shape or shapes.
           * @throws AttributeError: if the layer is connected to more than one incoming
           *   nodes.
           *
           * @doc {heading: 'Models', 'subheading': 'Classes'}
           */
          get: function() {
            var e_5, _a2;
            if (this.inboundNodes == null || this.inboundNodes.length === 0) {
              throw new AttributeError("The layer ".concat(this.name, " has never been called and thus has no ") + "defined output shape.");
            }
            var allOutputShapes = [];
            try {
              for (var _b = __values(this.inboundNodes), _c = _b.next(); !_c.done; _c = _b.next()) {
                var node = _c.value;
                var shapeString = JSON.stringify(node.outputShapes);
                if (allOutputShapes.indexOf(shapeString) === -1) {
                  allOutputShapes.push(shapeString);
                }
              }
            } catch (e_5_1) {
              e_5 = { error: e_5_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_5) throw e_5.error;
              }
            }
            if (allOutputShapes.length === 1) {
              var outputShapes = this.inboundNodes[0].outputShapes;
              if (Array.isArray(outputShapes) && Array.isArray(outputShapes[0]) && outputShapes.length === 1) {
                return outputShapes[0];
              } else {
                return outputShapes;
              }
            } else {
              throw new AttributeError("The layer ".concat(this.name, " has multiple inbound nodes with different ") + 'output shapes. Hence the notion of "output shape" is ill-defined for the layer.');
            }
          },
          enumerable: false,
          configurable: true
        });
        Layer2.prototype.countParams = function() {
          if (!this.built) {
            throw new RuntimeError("You tried to call countParams() on ".concat(this.name, ", ") + "but the layer is not built yet. Build it first by calling build(batchInputShape).");
          }
          return countParamsInWeights(this.weights);
        };
        Layer2.prototype.build = function(inputShape) {
          this.built = true;
        };
        Layer2.prototype.getWeights = function(trainableOnly) {
          if (trainableOnly === void 0) {
            trainableOnly = false;
          }
          return batchGetValue(trainableOnly ? this.trainableWeights : this.weights);
        };
        Layer2.prototype.setWeights = function(weights) {
          var _this = this;
          tfc.tidy(function() {
            var params = _this.weights;
            if (params.length !== weights.length) {
              throw new ValueError('You called setWeights(weights) on layer "'.concat(_this.name, '" ') + "with a weight list of length ".concat(weights.length, ", ") + "but the layer was expecting ".concat(params.length, " weights. ") + "Provided weights: ".concat(weights, "..."));
            }
            if (params.length === 0) {
              return;
            }
            var weightValueTuples = [];
            var paramValues = batchGetValue(params);
            for (var i = 0; i < paramValues.length; ++i) {
              var pv = paramValues[i];
              var p = params[i];
              var w = weights[i];
              if (!tfc.util.arraysEqual(pv.shape, w.shape)) {
                throw new ValueError("Layer weight shape ".concat(pv.shape, " ") + "not compatible with provided weight shape ".concat(w.shape));
              }
              weightValueTuples.push([p, w]);
            }
            batchSetValue(weightValueTuples);
          });
        };
        Layer2.prototype.addWeight = function(name, shape, dtype, initializer, regularizer, trainable, constraint, getInitializerFunc) {
          if (this._addedWeightNames.indexOf(name) !== -1) {
            throw new ValueError("Duplicate weight name ".concat(name, " for layer ").concat(this.name));
          }
          this._addedWeightNames.push(name);
          if (dtype == null) {
            dtype = "float32";
          }
          if (this.fastWeightInitDuringBuild) {
            initializer = getInitializerFunc != null ? getInitializerFunc() : getInitializer("zeros");
          }
          var initValue = initializer.apply(shape, dtype);
          var weight = new LayerVariable(initValue, dtype, name, trainable, constraint);
          initValue.dispose();
          if (regularizer != null) {
            this.addLoss(function() {
              return regularizer.apply(weight.read());
            });
          }
          if (trainable == null) {
            trainable = true;
          }
          if (trainable) {
            this._trainableWeights.push(weight);
          } else {
            this._nonTrainableWeights.push(weight);
          }
          return weight;
        };
        Layer2.prototype.setFastWeightInitDuringBuild = function(value) {
          this.fastWeightInitDuringBuild = value;
        };
        Layer2.prototype.addLoss = function(losses) {
          var _a2;
          if (losses == null || Array.isArray(losses) && losses.length === 0) {
            return;
          }
          losses = toList(losses);
          if (this._losses !== void 0 && this._losses !== null) {
            (_a2 = this.losses).push.apply(_a2, __spreadArray([], __read(losses), false));
          }
        };
        Layer2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        Layer2.prototype.computeMask = function(inputs, mask) {
          var _this = this;
          if (!this.supportsMasking) {
            if (mask != null) {
              if (Array.isArray(mask)) {
                mask.forEach(function(maskElement) {
                  if (maskElement != null) {
                    throw new TypeError("Layer ".concat(_this.name, " does not support masking, ") + "but was passed an inputMask.");
                  }
                });
              } else {
                throw new TypeError("Layer ".concat(this.name, " does not support masking, ") + "but was passed an inputMask.");
              }
            }
            return null;
          }
          return mask;
        };
        Layer2.prototype.setMaskMetadata = function(inputs, outputs, previousMask) {
          if (!this.supportsMasking) {
            return;
          }
          var outputMasks = this.computeMask(inputs, previousMask);
          var outputsList = toList(outputs);
          var outputMasksList = toList(outputMasks);
          if (outputsList.length !== outputMasksList.length) {
            throw new Error("".concat(this.name, " outputs ").concat(outputsList.length, " tensors ") + "but ".concat(outputsList.length, " masks for those tensors"));
          }
          for (var i = 0; i < outputsList.length; i++) {
            outputsList[i].kerasMask = outputMasksList[i];
          }
        };
        Layer2.prototype.addInboundNode = function(inputTensors, outputTensors, inputMasks, outputMasks, inputShapes, outputShapes, kwargs) {
          var e_6, _a2;
          if (kwargs === void 0) {
            kwargs = null;
          }
          var inputTensorList = toList(inputTensors);
          outputTensors = toList(outputTensors);
          inputMasks = toList(inputMasks);
          outputMasks = toList(outputMasks);
          inputShapes = normalizeShapeList(inputShapes);
          outputShapes = normalizeShapeList(outputShapes);
          var inboundLayers = [];
          var nodeIndices = [];
          var tensorIndices = [];
          try {
            for (var inputTensorList_1 = __values(inputTensorList), inputTensorList_1_1 = inputTensorList_1.next(); !inputTensorList_1_1.done; inputTensorList_1_1 = inputTensorList_1.next()) {
              var x = inputTensorList_1_1.value;
              inboundLayers.push(x.sourceLayer);
              nodeIndices.push(x.nodeIndex);
              tensorIndices.push(x.tensorIndex);
            }
          } catch (e_6_1) {
            e_6 = { error: e_6_1 };
          } finally {
            try {
              if (inputTensorList_1_1 && !inputTensorList_1_1.done && (_a2 = inputTensorList_1.return)) _a2.call(inputTensorList_1);
            } finally {
              if (e_6) throw e_6.error;
            }
          }
          new Node({
            outboundLayer: this,
            inboundLayers,
            nodeIndices,
            tensorIndices,
            inputTensors: inputTensorList,
            outputTensors,
            inputMasks,
            outputMasks,
            inputShapes,
            outputShapes
          }, kwargs);
          for (var i = 0; i < outputTensors.length; i++) {
            outputTensors[i].sourceLayer = this;
            outputTensors[i].nodeIndex = this.inboundNodes.length - 1;
            outputTensors[i].tensorIndex = i;
          }
        };
        Layer2.prototype.getConfig = function() {
          var config = { name: this.name, trainable: this.trainable };
          if (this.batchInputShape != null) {
            config["batchInputShape"] = this.batchInputShape;
          }
          if (this.dtype != null) {
            config["dtype"] = this.dtype;
          }
          return config;
        };
        Layer2.prototype.disposeWeights = function() {
          this.weights.forEach(function(weight) {
            return weight.dispose();
          });
          return this.weights.length;
        };
        Layer2.prototype.assertNotDisposed = function() {
          if (this._refCount === 0) {
            throw new Error("Layer '".concat(this.name, "' is already disposed."));
          }
        };
        Layer2.prototype.dispose = function() {
          if (!this.built) {
            throw new Error("Cannot dispose Layer ".concat(this.name, " because it has not been ") + "built yet.");
          }
          if (this._refCount === null) {
            throw new Error("Cannot dispose Layer ".concat(this.name, " because it has not been used ") + "yet.");
          }
          this.assertNotDisposed();
          var numDisposedVariables = 0;
          if (--this._refCount === 0) {
            numDisposedVariables = this.disposeWeights();
          }
          return { refCountAfterDispose: this._refCount, numDisposedVariables };
        };
        return Layer2;
      })(tfc.serialization.Serializable)
    );
    function collectInputShape(inputTensors) {
      var e_7, _a2;
      inputTensors = toList(inputTensors);
      var shapes = [];
      try {
        for (var inputTensors_1 = __values(inputTensors), inputTensors_1_1 = inputTensors_1.next(); !inputTensors_1_1.done; inputTensors_1_1 = inputTensors_1.next()) {
          var x = inputTensors_1_1.value;
          shapes.push(x.shape);
        }
      } catch (e_7_1) {
        e_7 = { error: e_7_1 };
      } finally {
        try {
          if (inputTensors_1_1 && !inputTensors_1_1.done && (_a2 = inputTensors_1.return)) _a2.call(inputTensors_1);
        } finally {
          if (e_7) throw e_7.error;
        }
      }
      return singletonOrArray(shapes);
    }
    function guessOutputDType(inputTensors) {
      return "float32";
    }
    function getSourceInputs(tensor, layer, nodeIndex) {
      var e_8, _a2;
      if (layer == null || nodeIndex != null && nodeIndex > 0) {
        layer = tensor.sourceLayer;
        nodeIndex = tensor.nodeIndex;
      }
      if (layer.inboundNodes.length === 0) {
        return [tensor];
      } else {
        var node = layer.inboundNodes[nodeIndex];
        if (node.inboundLayers.length === 0) {
          return node.inputTensors;
        } else {
          var sourceTensors = [];
          for (var i = 0; i < node.inboundLayers.length; i++) {
            var x = node.inputTensors[i];
            var layer_1 = node.inboundLayers[i];
            var nodeIndex_1 = node.nodeIndices[i];
            var previousSources = getSourceInputs(x, layer_1, nodeIndex_1);
            try {
              for (var previousSources_1 = (e_8 = void 0, __values(previousSources)), previousSources_1_1 = previousSources_1.next(); !previousSources_1_1.done; previousSources_1_1 = previousSources_1.next()) {
                var x_1 = previousSources_1_1.value;
                if (sourceTensors.indexOf(x_1) === -1) {
                  sourceTensors.push(x_1);
                }
              }
            } catch (e_8_1) {
              e_8 = { error: e_8_1 };
            } finally {
              try {
                if (previousSources_1_1 && !previousSources_1_1.done && (_a2 = previousSources_1.return)) _a2.call(previousSources_1);
              } finally {
                if (e_8) throw e_8.error;
              }
            }
          }
          return sourceTensors;
        }
      }
    }
    function checkAllSymbolic(tensors) {
      var e_9, _a2;
      var allAreSymbolic = true;
      try {
        for (var _b = __values(toList(tensors)), _c = _b.next(); !_c.done; _c = _b.next()) {
          var tensor = _c.value;
          if (!(tensor instanceof SymbolicTensor)) {
            allAreSymbolic = false;
            break;
          }
        }
      } catch (e_9_1) {
        e_9 = { error: e_9_1 };
      } finally {
        try {
          if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
        } finally {
          if (e_9) throw e_9.error;
        }
      }
      return allAreSymbolic;
    }
    function checkNoneSymbolic(tensors) {
      var e_10, _a2;
      var noneAreSymbolic = true;
      try {
        for (var _b = __values(toList(tensors)), _c = _b.next(); !_c.done; _c = _b.next()) {
          var tensor = _c.value;
          if (tensor instanceof SymbolicTensor) {
            noneAreSymbolic = false;
            break;
          }
        }
      } catch (e_10_1) {
        e_10 = { error: e_10_1 };
      } finally {
        try {
          if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
        } finally {
          if (e_10) throw e_10.error;
        }
      }
      return noneAreSymbolic;
    }
    var InputLayer = (
      /** @class */
      (function(_super) {
        __extends(InputLayer2, _super);
        function InputLayer2(args) {
          var _this = _super.call(this, {
            dtype: args.dtype,
            name: args.name != null ? args.name : getUid("input").toString()
          }) || this;
          if (args.batchSize == null) {
            args.batchSize = null;
          }
          if (args.sparse == null) {
            args.sparse = false;
          }
          _this.trainable = false;
          _this.built = true;
          _this.sparse = args.sparse;
          if (args.inputShape != null && args.batchInputShape != null) {
            throw new ValueError("Only provide the inputShape OR batchInputShape argument to inputLayer, not both at the same time.");
          }
          var batchInputShape = args.batchInputShape;
          if (batchInputShape == null) {
            if (args.inputShape == null) {
              throw new ValueError("An InputLayer should be passed either a `batchInputShape` or an `inputShape`.");
            } else {
              batchInputShape = [args.batchSize].concat(args.inputShape);
            }
          } else {
            if (args.batchSize != null) {
              throw new ValueError("Cannot specify batchSize if batchInputShape is specified when creating an InputLayer.");
            }
          }
          var dtype = args.dtype || "float32";
          _this.batchInputShape = batchInputShape;
          _this.dtype = dtype;
          _this.inputSpec = [{ shape: batchInputShape }];
          var inputTensor = new SymbolicTensor(_this.dtype, _this.batchInputShape, _this, [], {}, _this.name);
          inputTensor.nodeIndex = 0;
          inputTensor.tensorIndex = 0;
          new Node({
            outboundLayer: _this,
            inboundLayers: [],
            nodeIndices: [],
            tensorIndices: [],
            inputTensors: [inputTensor],
            outputTensors: [inputTensor],
            inputMasks: [null],
            outputMasks: [null],
            inputShapes: [batchInputShape],
            outputShapes: [batchInputShape]
          });
          return _this;
        }
        InputLayer2.prototype.apply = function(inputs, kwargs) {
          throw new ValueError("Cannot pass any input to an " + "InputLayer's apply() method. InputLayer name: ".concat(this.name));
        };
        InputLayer2.prototype.dispose = function() {
          return { refCountAfterDispose: this._refCount, numDisposedVariables: 0 };
        };
        InputLayer2.prototype.getConfig = function() {
          return {
            batchInputShape: this.batchInputShape,
            dtype: this.dtype,
            sparse: this.sparse,
            name: this.name
          };
        };
        return InputLayer2;
      })(Layer)
    );
    InputLayer.className = "InputLayer";
    tfc.serialization.registerClass(InputLayer);
    function Input(config) {
      if (config.batchShape == null && config.shape == null) {
        throw new Error("Please provide to Input either a `shape` or a `batchShape` argument. Note that `shape` does not include the batch dimension.");
      }
      if (config.batchShape != null && config.shape != null) {
        throw new ValueError("Please provide either a `shape` or `batchShape` argument to Input, but not both.");
      }
      var batchShape = config.batchShape;
      if (config.shape != null && batchShape == null) {
        batchShape = [null].concat(config.shape);
      }
      var dtype = config.dtype;
      if (dtype == null) {
        dtype = "float32";
      }
      var inputLayer2 = new InputLayer({
        batchInputShape: batchShape,
        name: config.name,
        dtype,
        sparse: config.sparse
      });
      var outputs = inputLayer2.inboundNodes[0].outputTensors;
      return outputs[0];
    }
    function assertFeedCompatibility(key, val) {
      if (key.dtype == null || key.dtype === val.dtype) {
        return val;
      }
      try {
        return tfc.cast(val, key.dtype);
      } catch (err) {
        throw new ValueError("The dtype of the feed (".concat(val.dtype, ") can not be cast to the dtype ") + "of the key '".concat(key.name, "' (").concat(key.dtype, ")."));
      }
    }
    var FeedDict = (
      /** @class */
      (function() {
        function FeedDict2(feeds) {
          var e_12, _a2;
          this.id2Value = {};
          this.id2Mask = {};
          this.name2Id = {};
          if (feeds instanceof FeedDict2) {
            for (var id in feeds.id2Value) {
              this.id2Value[id] = feeds.id2Value[id];
              if (id in feeds.id2Mask) {
                this.id2Mask[id] = feeds.id2Mask[id];
              }
            }
          } else {
            if (feeds == null) {
              return;
            }
            try {
              for (var feeds_1 = __values(feeds), feeds_1_1 = feeds_1.next(); !feeds_1_1.done; feeds_1_1 = feeds_1.next()) {
                var feed = feeds_1_1.value;
                this.add(feed.key, feed.value);
              }
            } catch (e_1_1) {
              e_12 = { error: e_1_1 };
            } finally {
              try {
                if (feeds_1_1 && !feeds_1_1.done && (_a2 = feeds_1.return)) _a2.call(feeds_1);
              } finally {
                if (e_12) throw e_12.error;
              }
            }
          }
        }
        FeedDict2.prototype.add = function(key, value, mask) {
          if (this.id2Value[key.id] == null) {
            this.id2Value[key.id] = assertFeedCompatibility(key, value);
            this.name2Id[key.name] = key.id;
            if (mask != null) {
              this.id2Mask[key.id] = mask;
            }
          } else {
            throw new ValueError("Duplicate key: name=".concat(key.name, ", id=").concat(key.id));
          }
          return this;
        };
        FeedDict2.prototype.addFeed = function(feed) {
          this.add(feed.key, feed.value);
        };
        FeedDict2.prototype.hasKey = function(key) {
          return this.id2Value[key.id] != null;
        };
        FeedDict2.prototype.names = function() {
          return Object.keys(this.name2Id);
        };
        FeedDict2.prototype.getValue = function(key) {
          if (key instanceof SymbolicTensor) {
            if (this.id2Value[key.id] == null) {
              throw new ValueError("Nonexistent key: ".concat(key.name));
            } else {
              return this.id2Value[key.id];
            }
          } else {
            var id = this.name2Id[key];
            if (id == null) {
              throw new ValueError("Feed dict has no SymbolicTensor name: ".concat(key));
            }
            return this.id2Value[id];
          }
        };
        FeedDict2.prototype.getMask = function(key) {
          if (key instanceof SymbolicTensor) {
            if (this.id2Value[key.id] == null) {
              throw new ValueError("Nonexistent key: ".concat(key.name));
            } else {
              return this.id2Mask[key.id];
            }
          } else {
            var id = this.name2Id[key];
            if (id == null) {
              throw new ValueError("Feed dict has no SymbolicTensor name: ".concat(key));
            }
            return this.id2Mask[id];
          }
        };
        FeedDict2.prototype.disposeMasks = function() {
          if (this.id2Mask != null) {
            tfc.dispose(this.id2Mask);
          }
        };
        return FeedDict2;
      })()
    );
    var cachedSorted = new LruCache();
    var cachedRecipientCounts = new LruCache();
    function updateCacheMaxEntries(maxEntries) {
      if (cachedSorted != null) {
        cachedSorted.setMaxEntries(maxEntries);
      }
      if (cachedRecipientCounts != null) {
        cachedRecipientCounts.setMaxEntries(maxEntries);
      }
    }
    function execute(fetches, feedDict, kwargs, probe) {
      var e_2, _a2, e_3, _b;
      var training = kwargs == null ? false : kwargs["training"];
      var arrayFetches = Array.isArray(fetches);
      var fetchArray = arrayFetches ? fetches : [fetches];
      var outputNames = fetchArray.map(function(t) {
        return t.name;
      });
      var finalOutputs = [];
      var feedNames = feedDict.names();
      try {
        for (var outputNames_1 = __values(outputNames), outputNames_1_1 = outputNames_1.next(); !outputNames_1_1.done; outputNames_1_1 = outputNames_1.next()) {
          var outputName = outputNames_1_1.value;
          if (feedNames.indexOf(outputName) !== -1) {
            finalOutputs.push(feedDict.getValue(outputName));
          } else {
            finalOutputs.push(null);
          }
        }
      } catch (e_2_1) {
        e_2 = { error: e_2_1 };
      } finally {
        try {
          if (outputNames_1_1 && !outputNames_1_1.done && (_a2 = outputNames_1.return)) _a2.call(outputNames_1);
        } finally {
          if (e_2) throw e_2.error;
        }
      }
      if (probe != null) {
        probe.maxNumTensors = -Infinity;
        probe.minNumTensors = Infinity;
      }
      var fetchAndFeedKey = outputNames.join(",") + "|" + feedDict.names().sort().join(",");
      var sorted = cachedSorted.get(fetchAndFeedKey);
      var recipientCounts;
      if (sorted == null) {
        var out = getTopologicalSortAndRecipientCounts(fetchArray, feedDict);
        sorted = out.sorted;
        recipientCounts = out.recipientCounts;
        cachedSorted.put(fetchAndFeedKey, sorted);
        cachedRecipientCounts.put(fetchAndFeedKey, recipientCounts);
      }
      recipientCounts = {};
      if (!training) {
        Object.assign(recipientCounts, cachedRecipientCounts.get(fetchAndFeedKey));
      }
      var internalFeedDict = new FeedDict(feedDict);
      for (var i = 0; i < sorted.length; ++i) {
        if (probe != null) {
          var numTensors = tfc.memory().numTensors;
          if (numTensors > probe.maxNumTensors) {
            probe.maxNumTensors = numTensors;
          }
          if (numTensors < probe.minNumTensors) {
            probe.minNumTensors = numTensors;
          }
        }
        var symbolic = sorted[i];
        var srcLayer = symbolic.sourceLayer;
        if (srcLayer instanceof InputLayer) {
          continue;
        }
        var inputValues = [];
        var inputMasks = [];
        var tensorsToDispose = [];
        var maskExists = false;
        try {
          for (var _c = (e_3 = void 0, __values(symbolic.inputs)), _d = _c.next(); !_d.done; _d = _c.next()) {
            var input2 = _d.value;
            var value = internalFeedDict.getValue(input2);
            var mask = internalFeedDict.getMask(input2);
            inputValues.push(value);
            inputMasks.push(mask);
            if (mask != null) {
              maskExists = true;
            }
            if (!training) {
              recipientCounts[input2.name]--;
              if (recipientCounts[input2.name] === 0 && !feedDict.hasKey(input2) && outputNames.indexOf(input2.name) === -1 && !value.isDisposed && input2.sourceLayer.stateful !== true) {
                tensorsToDispose.push(value);
              }
            }
          }
        } catch (e_3_1) {
          e_3 = { error: e_3_1 };
        } finally {
          try {
            if (_d && !_d.done && (_b = _c.return)) _b.call(_c);
          } finally {
            if (e_3) throw e_3.error;
          }
        }
        if (maskExists) {
          kwargs = kwargs || {};
          kwargs["mask"] = inputMasks[0];
        }
        var outputTensors = toList(srcLayer.apply(inputValues, kwargs));
        var outputMask = null;
        if (srcLayer.supportsMasking) {
          outputMask = srcLayer.computeMask(inputValues, inputMasks);
        }
        var layerOutputs = getNodeOutputs(symbolic);
        var outputSymbolicTensors = Array.isArray(layerOutputs) ? layerOutputs : [layerOutputs];
        for (var i_1 = 0; i_1 < outputSymbolicTensors.length; ++i_1) {
          if (!internalFeedDict.hasKey(outputSymbolicTensors[i_1])) {
            internalFeedDict.add(outputSymbolicTensors[i_1], outputTensors[i_1], Array.isArray(outputMask) ? outputMask[0] : outputMask);
          }
          var index = outputNames.indexOf(outputSymbolicTensors[i_1].name);
          if (index !== -1) {
            finalOutputs[index] = outputTensors[i_1];
          }
        }
        if (!training) {
          tfc.dispose(tensorsToDispose);
        }
      }
      internalFeedDict.disposeMasks();
      return arrayFetches ? finalOutputs : finalOutputs[0];
    }
    function getTopologicalSortAndRecipientCounts(fetches, feedDict) {
      var e_4, _a2, e_5, _b;
      tfc.util.assert(fetches != null && fetches.length > 0, function() {
        return "Expected at least one fetch, got none";
      });
      var finalSorted = [];
      var finalRecipientMap = {};
      if (fetches.length === 1) {
        var out = getTopologicalSortAndRecipientCountsForOneFetch(fetches[0], feedDict);
        finalSorted = out.sorted;
        finalRecipientMap = out.recipientMap;
      } else {
        var visited = /* @__PURE__ */ new Set();
        try {
          for (var fetches_1 = __values(fetches), fetches_1_1 = fetches_1.next(); !fetches_1_1.done; fetches_1_1 = fetches_1.next()) {
            var fetch2 = fetches_1_1.value;
            var _c = getTopologicalSortAndRecipientCountsForOneFetch(fetch2, feedDict), sorted = _c.sorted, recipientMap = _c.recipientMap;
            try {
              for (var sorted_1 = (e_5 = void 0, __values(sorted)), sorted_1_1 = sorted_1.next(); !sorted_1_1.done; sorted_1_1 = sorted_1.next()) {
                var symbolicTensor = sorted_1_1.value;
                if (!visited.has(symbolicTensor.name)) {
                  finalSorted.push(symbolicTensor);
                  visited.add(symbolicTensor.name);
                }
              }
            } catch (e_5_1) {
              e_5 = { error: e_5_1 };
            } finally {
              try {
                if (sorted_1_1 && !sorted_1_1.done && (_b = sorted_1.return)) _b.call(sorted_1);
              } finally {
                if (e_5) throw e_5.error;
              }
            }
            var _loop_1 = function(name2) {
              if (finalRecipientMap[name2] == null) {
                finalRecipientMap[name2] = /* @__PURE__ */ new Set();
              }
              recipientMap[name2].forEach(function(recipient) {
                return finalRecipientMap[name2].add(recipient);
              });
            };
            for (var name in recipientMap) {
              _loop_1(name);
            }
          }
        } catch (e_4_1) {
          e_4 = { error: e_4_1 };
        } finally {
          try {
            if (fetches_1_1 && !fetches_1_1.done && (_a2 = fetches_1.return)) _a2.call(fetches_1);
          } finally {
            if (e_4) throw e_4.error;
          }
        }
      }
      return {
        sorted: finalSorted,
        recipientCounts: recipientMap2Counts(finalRecipientMap)
      };
    }
    function recipientMap2Counts(recipientMap) {
      var recipientCounts = {};
      for (var name in recipientMap) {
        recipientCounts[name] = recipientMap[name].size;
      }
      return recipientCounts;
    }
    function getTopologicalSortAndRecipientCountsForOneFetch(fetch2, feedDict) {
      var e_6, _a2, e_7, _b;
      var visited = /* @__PURE__ */ new Set();
      var sorted = [];
      var recipientMap = {};
      try {
        for (var _c = __values(feedDict.names()), _d = _c.next(); !_d.done; _d = _c.next()) {
          var key = _d.value;
          visited.add(key);
        }
      } catch (e_6_1) {
        e_6 = { error: e_6_1 };
      } finally {
        try {
          if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
        } finally {
          if (e_6) throw e_6.error;
        }
      }
      var stack2 = [];
      var marks = [];
      stack2.push(fetch2);
      while (stack2.length > 0) {
        var top = stack2[stack2.length - 1];
        if (visited.has(top.name)) {
          stack2.pop();
          continue;
        }
        var topIsMarked = marks[marks.length - 1] === stack2.length - 1;
        if (top.inputs.length === 0 || topIsMarked) {
          stack2.pop();
          sorted.push(top);
          visited.add(top.name);
          if (topIsMarked) {
            marks.pop();
          }
        } else {
          marks.push(stack2.length - 1);
          try {
            for (var _e = (e_7 = void 0, __values(top.inputs)), _f = _e.next(); !_f.done; _f = _e.next()) {
              var input2 = _f.value;
              if (recipientMap[input2.name] == null) {
                recipientMap[input2.name] = /* @__PURE__ */ new Set();
              }
              recipientMap[input2.name].add(top.name);
              if (visited.has(input2.name)) {
                continue;
              }
              stack2.push(input2);
            }
          } catch (e_7_1) {
            e_7 = { error: e_7_1 };
          } finally {
            try {
              if (_f && !_f.done && (_b = _e.return)) _b.call(_e);
            } finally {
              if (e_7) throw e_7.error;
            }
          }
        }
      }
      return { sorted, recipientMap };
    }
    function getNodeOutputs(fetch2) {
      var e_8, _a2;
      var layerOutputs;
      if (fetch2.sourceLayer.inboundNodes.length === 1) {
        layerOutputs = fetch2.sourceLayer.output;
      } else {
        var nodeIndex = null;
        for (var i = 0; i < fetch2.sourceLayer.inboundNodes.length; ++i) {
          try {
            for (var _b = (e_8 = void 0, __values(fetch2.sourceLayer.inboundNodes[i].outputTensors)), _c = _b.next(); !_c.done; _c = _b.next()) {
              var outputTensor = _c.value;
              if (outputTensor.id === fetch2.id) {
                nodeIndex = i;
                break;
              }
            }
          } catch (e_8_1) {
            e_8 = { error: e_8_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_8) throw e_8.error;
            }
          }
        }
        layerOutputs = fetch2.sourceLayer.getOutputAt(nodeIndex);
      }
      return layerOutputs;
    }
    var ENV$2 = tfc.env();
    ENV$2.registerFlag("TOPOLOGICAL_SORT_CACHE_MAX_ENTRIES", function() {
      return 100;
    }, updateCacheMaxEntries);
    var Abs = "Abs";
    var Acos = "Acos";
    var Acosh = "Acosh";
    var Add$1 = "Add";
    var AddN = "AddN";
    var ArgMax = "ArgMax";
    var ArgMin = "ArgMin";
    var Asin = "Asin";
    var Asinh = "Asinh";
    var Atan = "Atan";
    var Atanh = "Atanh";
    var Atan2 = "Atan2";
    var AvgPool = "AvgPool";
    var AvgPoolGrad = "AvgPoolGrad";
    var AvgPool3D = "AvgPool3D";
    var AvgPool3DGrad = "AvgPool3DGrad";
    var BatchMatMul = "BatchMatMul";
    var BatchToSpaceND = "BatchToSpaceND";
    var BroadcastTo = "BroadcastTo";
    var Cast = "Cast";
    var Ceil = "Ceil";
    var ClipByValue = "ClipByValue";
    var Complex = "Complex";
    var ComplexAbs = "ComplexAbs";
    var Concat = "Concat";
    var Conv2D$1 = "Conv2D";
    var Conv2DBackpropFilter = "Conv2DBackpropFilter";
    var Conv2DBackpropInput = "Conv2DBackpropInput";
    var Conv3D$1 = "Conv3D";
    var Conv3DBackpropFilterV2 = "Conv3DBackpropFilterV2";
    var Conv3DBackpropInputV2 = "Conv3DBackpropInputV2";
    var Cos = "Cos";
    var Cosh = "Cosh";
    var Cumprod = "Cumprod";
    var Cumsum = "Cumsum";
    var DepthwiseConv2dNative = "DepthwiseConv2dNative";
    var DepthwiseConv2dNativeBackpropFilter = "DepthwiseConv2dNativeBackpropFilter";
    var DepthwiseConv2dNativeBackpropInput = "DepthwiseConv2dNativeBackpropInput";
    var Dilation2D = "Dilation2D";
    var Dilation2DBackpropInput = "Dilation2DBackpropInput";
    var Dilation2DBackpropFilter = "Dilation2DBackpropFilter";
    var RealDiv = "RealDiv";
    var Elu$1 = "Elu";
    var EluGrad = "EluGrad";
    var Erf = "Erf";
    var Equal = "Equal";
    var Exp = "Exp";
    var ExpandDims = "ExpandDims";
    var Expm1 = "Expm1";
    var Fill = "Fill";
    var Floor = "Floor";
    var FloorDiv = "FloorDiv";
    var FusedBatchNorm = "FusedBatchNorm";
    var GatherV2 = "GatherV2";
    var Greater = "Greater";
    var GreaterEqual = "GreaterEqual";
    var Identity = "Identity";
    var Imag = "Imag";
    var IsFinite = "IsFinite";
    var IsInf = "IsInf";
    var IsNan = "IsNan";
    var LeakyRelu = "LeakyRelu";
    var Less = "Less";
    var LessEqual = "LessEqual";
    var Log = "Log";
    var Log1p = "Log1p";
    var LogicalAnd = "LogicalAnd";
    var LogicalNot = "LogicalNot";
    var LogSoftmax$1 = "LogSoftmax";
    var LRN = "LRN";
    var LRNGrad = "LRNGrad";
    var Max = "Max";
    var Maximum$1 = "Maximum";
    var MaxPool = "MaxPool";
    var MaxPoolGrad = "MaxPoolGrad";
    var MaxPool3D = "MaxPool3D";
    var MaxPool3DGrad = "MaxPool3DGrad";
    var Mean = "Mean";
    var Min = "Min";
    var Minimum$1 = "Minimum";
    var MirrorPad = "MirrorPad";
    var Mod = "Mod";
    var Multiply$1 = "Multiply";
    var Neg = "Neg";
    var OnesLike = "OnesLike";
    var OneHot = "OneHot";
    var Pack = "Pack";
    var PadV2 = "PadV2";
    var Pow = "Pow";
    var Prelu = "Prelu";
    var Prod = "Prod";
    var Real = "Real";
    var Reciprocal = "Reciprocal";
    var Relu$1 = "Relu";
    var Reshape$1 = "Reshape";
    var ResizeNearestNeighbor = "ResizeNearestNeighbor";
    var ResizeNearestNeighborGrad = "ResizeNearestNeighborGrad";
    var ResizeBilinear = "ResizeBilinear";
    var ResizeBilinearGrad = "ResizeBilinearGrad";
    var Relu6$1 = "Relu6";
    var Reverse = "Reverse";
    var Round = "Round";
    var Rsqrt = "Rsqrt";
    var TensorScatterUpdate = "TensorScatterUpdate";
    var Select = "Select";
    var Selu$1 = "Selu";
    var Slice = "Slice";
    var Sin = "Sin";
    var Sinh = "Sinh";
    var Sign = "Sign";
    var Sigmoid$1 = "Sigmoid";
    var Softplus$1 = "Softplus";
    var Sqrt = "Sqrt";
    var Sum = "Sum";
    var SpaceToBatchND = "SpaceToBatchND";
    var SplitV = "SplitV";
    var Softmax$2 = "Softmax";
    var SquaredDifference = "SquaredDifference";
    var Square = "Square";
    var Sub = "Sub";
    var Tan = "Tan";
    var Tanh$1 = "Tanh";
    var Tile = "Tile";
    var Transpose = "Transpose";
    var Unpack = "Unpack";
    var UnsortedSegmentSum = "UnsortedSegmentSum";
    var ZerosLike = "ZerosLike";
    var Step = "Step";
    var EPSILON_FLOAT32 = 1e-7;
    var EPSILON_FLOAT16 = 1e-4;
    var KernelBackend = (
      /** @class */
      (function() {
        function KernelBackend2() {
        }
        KernelBackend2.prototype.refCount = function(dataId) {
          return notYetImplemented("refCount");
        };
        KernelBackend2.prototype.incRef = function(dataId) {
          return notYetImplemented("incRef");
        };
        KernelBackend2.prototype.timerAvailable = function() {
          return true;
        };
        KernelBackend2.prototype.time = function(f) {
          return notYetImplemented("time");
        };
        KernelBackend2.prototype.read = function(dataId) {
          return notYetImplemented("read");
        };
        KernelBackend2.prototype.readSync = function(dataId) {
          return notYetImplemented("readSync");
        };
        KernelBackend2.prototype.readToGPU = function(dataId, options) {
          return notYetImplemented("readToGPU");
        };
        KernelBackend2.prototype.numDataIds = function() {
          return notYetImplemented("numDataIds");
        };
        KernelBackend2.prototype.disposeData = function(dataId, force) {
          return notYetImplemented("disposeData");
        };
        KernelBackend2.prototype.write = function(values, shape, dtype) {
          return notYetImplemented("write");
        };
        KernelBackend2.prototype.move = function(dataId, values, shape, dtype, refCount) {
          return notYetImplemented("move");
        };
        KernelBackend2.prototype.createTensorFromGPUData = function(values, shape, dtype) {
          return notYetImplemented("createTensorFromGPUData");
        };
        KernelBackend2.prototype.memory = function() {
          return notYetImplemented("memory");
        };
        KernelBackend2.prototype.floatPrecision = function() {
          return notYetImplemented("floatPrecision");
        };
        KernelBackend2.prototype.epsilon = function() {
          return this.floatPrecision() === 32 ? EPSILON_FLOAT32 : EPSILON_FLOAT16;
        };
        KernelBackend2.prototype.dispose = function() {
          return notYetImplemented("dispose");
        };
        return KernelBackend2;
      })()
    );
    function notYetImplemented(kernelName) {
      throw new Error("'".concat(kernelName, "' not yet implemented or not found in the registry. ") + "This kernel may not be supported by the tfjs backend you have chosen");
    }
    function assert(expr, msg) {
      if (!expr) {
        throw new Error(typeof msg === "string" ? msg : msg());
      }
    }
    function assertShapesMatch(shapeA, shapeB, errorMessagePrefix) {
      if (errorMessagePrefix === void 0) {
        errorMessagePrefix = "";
      }
      assert(arraysEqual(shapeA, shapeB), function() {
        return errorMessagePrefix + " Shapes ".concat(shapeA, " and ").concat(shapeB, " must match");
      });
    }
    function sizeFromShape(shape) {
      if (shape.length === 0) {
        return 1;
      }
      var size = shape[0];
      for (var i = 1; i < shape.length; i++) {
        size *= shape[i];
      }
      return size;
    }
    function arraysEqual(n1, n2) {
      if (n1 === n2) {
        return true;
      }
      if (n1 == null || n2 == null) {
        return false;
      }
      if (n1.length !== n2.length) {
        return false;
      }
      for (var i = 0; i < n1.length; i++) {
        if (n1[i] !== n2[i]) {
          return false;
        }
      }
      return true;
    }
    function isInt(a) {
      return a % 1 === 0;
    }
    function rightPad(a, size) {
      if (size <= a.length) {
        return a;
      }
      return a + " ".repeat(size - a.length);
    }
    function parseAxisParam(axis, shape) {
      var rank = shape.length;
      axis = axis == null ? shape.map(function(s, i) {
        return i;
      }) : [].concat(axis);
      assert(axis.every(function(ax) {
        return ax >= -rank && ax < rank;
      }), function() {
        return "All values in axis param must be in range [-".concat(rank, ", ").concat(rank, ") but ") + "got axis ".concat(axis);
      });
      assert(axis.every(function(ax) {
        return isInt(ax);
      }), function() {
        return "All values in axis param must be integers but " + "got axis ".concat(axis);
      });
      return axis.map(function(a) {
        return a < 0 ? rank + a : a;
      });
    }
    function getArrayFromDType(dtype, size) {
      var values = null;
      if (dtype == null || dtype === "float32") {
        values = new Float32Array(size);
      } else if (dtype === "int32") {
        values = new Int32Array(size);
      } else if (dtype === "bool") {
        values = new Uint8Array(size);
      } else if (dtype === "string") {
        values = new Array(size);
      } else {
        throw new Error("Unknown data type ".concat(dtype));
      }
      return values;
    }
    function checkConversionForErrors(vals, dtype) {
      for (var i = 0; i < vals.length; i++) {
        var num = vals[i];
        if (isNaN(num) || !isFinite(num)) {
          throw Error("A tensor of type ".concat(dtype, " being uploaded contains ").concat(num, "."));
        }
      }
    }
    function isValidDtype(dtype) {
      return dtype === "bool" || dtype === "complex64" || dtype === "float32" || dtype === "int32" || dtype === "string";
    }
    function bytesPerElement(dtype) {
      if (dtype === "float32" || dtype === "int32") {
        return 4;
      } else if (dtype === "complex64") {
        return 8;
      } else if (dtype === "bool") {
        return 1;
      } else {
        throw new Error("Unknown dtype ".concat(dtype));
      }
    }
    function bytesFromStringArray(arr) {
      if (arr == null) {
        return 0;
      }
      var bytes = 0;
      arr.forEach(function(x) {
        return bytes += x.length;
      });
      return bytes;
    }
    function isString(value) {
      return typeof value === "string" || value instanceof String;
    }
    function isBoolean(value) {
      return typeof value === "boolean";
    }
    function isNumber(value) {
      return typeof value === "number";
    }
    function inferDtype(values) {
      if (Array.isArray(values)) {
        return inferDtype(values[0]);
      }
      if (values instanceof Float32Array) {
        return "float32";
      } else if (values instanceof Int32Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray) {
        return "int32";
      } else if (isNumber(values)) {
        return "float32";
      } else if (isString(values)) {
        return "string";
      } else if (isBoolean(values)) {
        return "bool";
      }
      return "float32";
    }
    function isFunction(f) {
      return !!(f && f.constructor && f.call && f.apply);
    }
    function computeStrides(shape) {
      var rank = shape.length;
      if (rank < 2) {
        return [];
      }
      var strides = new Array(rank - 1);
      strides[rank - 2] = shape[rank - 1];
      for (var i = rank - 3; i >= 0; --i) {
        strides[i] = strides[i + 1] * shape[i + 1];
      }
      return strides;
    }
    function createNestedArray(offset, shape, a, isComplex) {
      if (isComplex === void 0) {
        isComplex = false;
      }
      var ret = new Array();
      if (shape.length === 1) {
        var d = shape[0] * (isComplex ? 2 : 1);
        for (var i = 0; i < d; i++) {
          ret[i] = a[offset + i];
        }
      } else {
        var d = shape[0];
        var rest = shape.slice(1);
        var len = rest.reduce(function(acc, c) {
          return acc * c;
        }) * (isComplex ? 2 : 1);
        for (var i = 0; i < d; i++) {
          ret[i] = createNestedArray(offset + i * len, rest, a, isComplex);
        }
      }
      return ret;
    }
    function toNestedArray(shape, a, isComplex) {
      if (isComplex === void 0) {
        isComplex = false;
      }
      if (shape.length === 0) {
        return a[0];
      }
      var size = shape.reduce(function(acc, c) {
        return acc * c;
      }) * (isComplex ? 2 : 1);
      if (size === 0) {
        return [];
      }
      if (size !== a.length) {
        throw new Error("[".concat(shape, "] does not match the input size ").concat(a.length).concat(isComplex ? " for a complex tensor" : "", "."));
      }
      return createNestedArray(0, shape, a, isComplex);
    }
    function makeOnesTypedArray(size, dtype) {
      var array = makeZerosTypedArray(size, dtype);
      for (var i = 0; i < array.length; i++) {
        array[i] = 1;
      }
      return array;
    }
    function makeZerosTypedArray(size, dtype) {
      if (dtype == null || dtype === "float32" || dtype === "complex64") {
        return new Float32Array(size);
      } else if (dtype === "int32") {
        return new Int32Array(size);
      } else if (dtype === "bool") {
        return new Uint8Array(size);
      } else {
        throw new Error("Unknown data type ".concat(dtype));
      }
    }
    function assertNonNegativeIntegerDimensions(shape) {
      shape.forEach(function(dimSize) {
        assert(Number.isInteger(dimSize) && dimSize >= 0, function() {
          return "Tensor must have a shape comprised of positive integers but got " + "shape [".concat(shape, "].");
        });
      });
    }
    function isPromise(object) {
      return object && object.then && typeof object.then === "function";
    }
    var TENSORFLOWJS_FLAGS_PREFIX = "tfjsflags";
    var Environment = (
      /** @class */
      (function() {
        function Environment2(global2) {
          this.global = global2;
          this.flags = {};
          this.flagRegistry = {};
          this.urlFlags = {};
          this.getQueryParams = getQueryParams;
          this.populateURLFlags();
        }
        Environment2.prototype.setPlatform = function(platformName, platform) {
          if (this.platform != null) {
            if (!(env().getBool("IS_TEST") || env().getBool("PROD"))) {
              console.warn("Platform ".concat(this.platformName, " has already been set. ") + "Overwriting the platform with ".concat(platformName, "."));
            }
          }
          this.platformName = platformName;
          this.platform = platform;
        };
        Environment2.prototype.registerFlag = function(flagName, evaluationFn, setHook) {
          this.flagRegistry[flagName] = { evaluationFn, setHook };
          if (this.urlFlags[flagName] != null) {
            var flagValue = this.urlFlags[flagName];
            if (!(env().getBool("IS_TEST") || env().getBool("PROD"))) {
              console.warn("Setting feature override from URL ".concat(flagName, ": ").concat(flagValue, "."));
            }
            this.set(flagName, flagValue);
          }
        };
        Environment2.prototype.getAsync = function(flagName) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b;
            return __generator(this, function(_c) {
              switch (_c.label) {
                case 0:
                  if (flagName in this.flags) {
                    return [2, this.flags[flagName]];
                  }
                  _a2 = this.flags;
                  _b = flagName;
                  return [4, this.evaluateFlag(flagName)];
                case 1:
                  _a2[_b] = _c.sent();
                  return [2, this.flags[flagName]];
              }
            });
          });
        };
        Environment2.prototype.get = function(flagName) {
          if (flagName in this.flags) {
            return this.flags[flagName];
          }
          var flagValue = this.evaluateFlag(flagName);
          if (isPromise(flagValue)) {
            throw new Error("Flag ".concat(flagName, " cannot be synchronously evaluated. ") + "Please use getAsync() instead.");
          }
          this.flags[flagName] = flagValue;
          return this.flags[flagName];
        };
        Environment2.prototype.getNumber = function(flagName) {
          return this.get(flagName);
        };
        Environment2.prototype.getBool = function(flagName) {
          return this.get(flagName);
        };
        Environment2.prototype.getString = function(flagName) {
          return this.get(flagName);
        };
        Environment2.prototype.getFlags = function() {
          return this.flags;
        };
        Object.defineProperty(Environment2.prototype, "features", {
          // For backwards compatibility.
          get: function() {
            return this.flags;
          },
          enumerable: false,
          configurable: true
        });
        Environment2.prototype.set = function(flagName, value) {
          if (this.flagRegistry[flagName] == null) {
            throw new Error("Cannot set flag ".concat(flagName, " as it has not been registered."));
          }
          this.flags[flagName] = value;
          if (this.flagRegistry[flagName].setHook != null) {
            this.flagRegistry[flagName].setHook(value);
          }
        };
        Environment2.prototype.evaluateFlag = function(flagName) {
          if (this.flagRegistry[flagName] == null) {
            throw new Error("Cannot evaluate flag '".concat(flagName, "': no evaluation function found."));
          }
          return this.flagRegistry[flagName].evaluationFn();
        };
        Environment2.prototype.setFlags = function(flags) {
          this.flags = Object.assign({}, flags);
        };
        Environment2.prototype.reset = function() {
          this.flags = {};
          this.urlFlags = {};
          this.populateURLFlags();
        };
        Environment2.prototype.populateURLFlags = function() {
          var _this = this;
          if (typeof this.global === "undefined" || typeof this.global.location === "undefined" || typeof this.global.location.search === "undefined") {
            return;
          }
          var urlParams = this.getQueryParams(this.global.location.search);
          if (TENSORFLOWJS_FLAGS_PREFIX in urlParams) {
            var keyValues = urlParams[TENSORFLOWJS_FLAGS_PREFIX].split(",");
            keyValues.forEach(function(keyValue) {
              var _a2 = __read(keyValue.split(":"), 2), key = _a2[0], value = _a2[1];
              _this.urlFlags[key] = parseValue(key, value);
            });
          }
        };
        return Environment2;
      })()
    );
    function getQueryParams(queryString) {
      var params = {};
      queryString.replace(/[?&]([^=?&]+)(?:=([^&]*))?/g, function(s) {
        var t = [];
        for (var _i = 1; _i < arguments.length; _i++) {
          t[_i - 1] = arguments[_i];
        }
        decodeParam(params, t[0], t[1]);
        return t.join("=");
      });
      return params;
    }
    function decodeParam(params, name, value) {
      params[decodeURIComponent(name)] = decodeURIComponent(value || "");
    }
    function parseValue(flagName, value) {
      var lowerCaseValue = value.toLowerCase();
      if (lowerCaseValue === "true" || lowerCaseValue === "false") {
        return lowerCaseValue === "true";
      } else if ("".concat(+lowerCaseValue) === lowerCaseValue) {
        return +lowerCaseValue;
      } else {
        return value;
      }
    }
    function env() {
      return ENV$1;
    }
    var ENV$1 = null;
    function setEnvironmentGlobal(environment) {
      ENV$1 = environment;
    }
    var globalNameSpace;
    function getGlobalNamespace() {
      if (globalNameSpace == null) {
        var ns = void 0;
        if (typeof window !== "undefined") {
          ns = window;
        } else if (typeof global !== "undefined") {
          ns = global;
        } else if (typeof process !== "undefined") {
          ns = process;
        } else if (typeof self !== "undefined") {
          ns = self;
        } else {
          throw new Error("Could not find a global object");
        }
        globalNameSpace = ns;
      }
      return globalNameSpace;
    }
    function getGlobalMap() {
      var ns = getGlobalNamespace();
      if (ns._tfGlobals == null) {
        ns._tfGlobals = /* @__PURE__ */ new Map();
      }
      return ns._tfGlobals;
    }
    function getGlobal(key, init) {
      var globalMap = getGlobalMap();
      if (globalMap.has(key)) {
        return globalMap.get(key);
      } else {
        var singleton = init();
        globalMap.set(key, singleton);
        return globalMap.get(key);
      }
    }
    function warn() {
      var msg = [];
      for (var _i = 0; _i < arguments.length; _i++) {
        msg[_i] = arguments[_i];
      }
      if (!(env().getBool("IS_TEST") || env().getBool("PROD"))) {
        console.warn.apply(console, __spreadArray([], __read(msg), false));
      }
    }
    var kernelRegistry = getGlobal("kernelRegistry", function() {
      return /* @__PURE__ */ new Map();
    });
    var gradRegistry = getGlobal("gradRegistry", function() {
      return /* @__PURE__ */ new Map();
    });
    function getKernel(kernelName, backendName) {
      var key = makeKey(kernelName, backendName);
      return kernelRegistry.get(key);
    }
    function getGradient(kernelName) {
      return gradRegistry.get(kernelName);
    }
    function getKernelsForBackend(backendName) {
      var it = kernelRegistry.entries();
      var result = [];
      while (true) {
        var _a2 = it.next(), done = _a2.done, value = _a2.value;
        if (done) {
          break;
        }
        var _b = __read(value, 2), key = _b[0], config = _b[1];
        var _c = __read(key.split("_"), 1), backend = _c[0];
        if (backend === backendName) {
          result.push(config);
        }
      }
      return result;
    }
    function registerGradient(config) {
      var kernelName = config.kernelName;
      if (gradRegistry.has(kernelName)) {
        if (env().getBool("DEBUG")) {
          warn("Overriding the gradient for '".concat(kernelName, "'"));
        }
      }
      gradRegistry.set(kernelName, config);
    }
    function makeKey(kernelName, backendName) {
      return "".concat(backendName, "_").concat(kernelName);
    }
    function isTypedArrayBrowser(a) {
      return a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array || a instanceof Uint8ClampedArray;
    }
    var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
    function getDefaultExportFromCjs(x) {
      return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
    }
    function getAugmentedNamespace(n) {
      if (n.__esModule)
        return n;
      var f = n.default;
      if (typeof f == "function") {
        var a = function a2() {
          if (this instanceof a2) {
            var args = [null];
            args.push.apply(args, arguments);
            var Ctor = Function.bind.apply(f, args);
            return new Ctor();
          }
          return f.apply(this, arguments);
        };
        a.prototype = f.prototype;
      } else
        a = {};
      Object.defineProperty(a, "__esModule", { value: true });
      Object.keys(n).forEach(function(k) {
        var d = Object.getOwnPropertyDescriptor(n, k);
        Object.defineProperty(a, k, d.get ? d : {
          enumerable: true,
          get: function() {
            return n[k];
          }
        });
      });
      return a;
    }
    var long = Long$1;
    var wasm = null;
    try {
      wasm = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([
        0,
        97,
        115,
        109,
        1,
        0,
        0,
        0,
        1,
        13,
        2,
        96,
        0,
        1,
        127,
        96,
        4,
        127,
        127,
        127,
        127,
        1,
        127,
        3,
        7,
        6,
        0,
        1,
        1,
        1,
        1,
        1,
        6,
        6,
        1,
        127,
        1,
        65,
        0,
        11,
        7,
        50,
        6,
        3,
        109,
        117,
        108,
        0,
        1,
        5,
        100,
        105,
        118,
        95,
        115,
        0,
        2,
        5,
        100,
        105,
        118,
        95,
        117,
        0,
        3,
        5,
        114,
        101,
        109,
        95,
        115,
        0,
        4,
        5,
        114,
        101,
        109,
        95,
        117,
        0,
        5,
        8,
        103,
        101,
        116,
        95,
        104,
        105,
        103,
        104,
        0,
        0,
        10,
        191,
        1,
        6,
        4,
        0,
        35,
        0,
        11,
        36,
        1,
        1,
        126,
        32,
        0,
        173,
        32,
        1,
        173,
        66,
        32,
        134,
        132,
        32,
        2,
        173,
        32,
        3,
        173,
        66,
        32,
        134,
        132,
        126,
        34,
        4,
        66,
        32,
        135,
        167,
        36,
        0,
        32,
        4,
        167,
        11,
        36,
        1,
        1,
        126,
        32,
        0,
        173,
        32,
        1,
        173,
        66,
        32,
        134,
        132,
        32,
        2,
        173,
        32,
        3,
        173,
        66,
        32,
        134,
        132,
        127,
        34,
        4,
        66,
        32,
        135,
        167,
        36,
        0,
        32,
        4,
        167,
        11,
        36,
        1,
        1,
        126,
        32,
        0,
        173,
        32,
        1,
        173,
        66,
        32,
        134,
        132,
        32,
        2,
        173,
        32,
        3,
        173,
        66,
        32,
        134,
        132,
        128,
        34,
        4,
        66,
        32,
        135,
        167,
        36,
        0,
        32,
        4,
        167,
        11,
        36,
        1,
        1,
        126,
        32,
        0,
        173,
        32,
        1,
        173,
        66,
        32,
        134,
        132,
        32,
        2,
        173,
        32,
        3,
        173,
        66,
        32,
        134,
        132,
        129,
        34,
        4,
        66,
        32,
        135,
        167,
        36,
        0,
        32,
        4,
        167,
        11,
        36,
        1,
        1,
        126,
        32,
        0,
        173,
        32,
        1,
        173,
        66,
        32,
        134,
        132,
        32,
        2,
        173,
        32,
        3,
        173,
        66,
        32,
        134,
        132,
        130,
        34,
        4,
        66,
        32,
        135,
        167,
        36,
        0,
        32,
        4,
        167,
        11
      ])), {}).exports;
    } catch (e) {
    }
    function Long$1(low, high, unsigned) {
      this.low = low | 0;
      this.high = high | 0;
      this.unsigned = !!unsigned;
    }
    Long$1.prototype.__isLong__;
    Object.defineProperty(Long$1.prototype, "__isLong__", { value: true });
    function isLong(obj) {
      return (obj && obj["__isLong__"]) === true;
    }
    Long$1.isLong = isLong;
    var INT_CACHE = {};
    var UINT_CACHE = {};
    function fromInt(value, unsigned) {
      var obj, cachedObj, cache;
      if (unsigned) {
        value >>>= 0;
        if (cache = 0 <= value && value < 256) {
          cachedObj = UINT_CACHE[value];
          if (cachedObj)
            return cachedObj;
        }
        obj = fromBits(value, (value | 0) < 0 ? -1 : 0, true);
        if (cache)
          UINT_CACHE[value] = obj;
        return obj;
      } else {
        value |= 0;
        if (cache = -128 <= value && value < 128) {
          cachedObj = INT_CACHE[value];
          if (cachedObj)
            return cachedObj;
        }
        obj = fromBits(value, value < 0 ? -1 : 0, false);
        if (cache)
          INT_CACHE[value] = obj;
        return obj;
      }
    }
    Long$1.fromInt = fromInt;
    function fromNumber(value, unsigned) {
      if (isNaN(value))
        return unsigned ? UZERO : ZERO;
      if (unsigned) {
        if (value < 0)
          return UZERO;
        if (value >= TWO_PWR_64_DBL)
          return MAX_UNSIGNED_VALUE;
      } else {
        if (value <= -TWO_PWR_63_DBL)
          return MIN_VALUE;
        if (value + 1 >= TWO_PWR_63_DBL)
          return MAX_VALUE;
      }
      if (value < 0)
        return fromNumber(-value, unsigned).neg();
      return fromBits(value % TWO_PWR_32_DBL | 0, value / TWO_PWR_32_DBL | 0, unsigned);
    }
    Long$1.fromNumber = fromNumber;
    function fromBits(lowBits, highBits, unsigned) {
      return new Long$1(lowBits, highBits, unsigned);
    }
    Long$1.fromBits = fromBits;
    var pow_dbl = Math.pow;
    function fromString(str, unsigned, radix) {
      if (str.length === 0)
        throw Error("empty string");
      if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
        return ZERO;
      if (typeof unsigned === "number") {
        radix = unsigned, unsigned = false;
      } else {
        unsigned = !!unsigned;
      }
      radix = radix || 10;
      if (radix < 2 || 36 < radix)
        throw RangeError("radix");
      var p;
      if ((p = str.indexOf("-")) > 0)
        throw Error("interior hyphen");
      else if (p === 0) {
        return fromString(str.substring(1), unsigned, radix).neg();
      }
      var radixToPower = fromNumber(pow_dbl(radix, 8));
      var result = ZERO;
      for (var i = 0; i < str.length; i += 8) {
        var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
        if (size < 8) {
          var power = fromNumber(pow_dbl(radix, size));
          result = result.mul(power).add(fromNumber(value));
        } else {
          result = result.mul(radixToPower);
          result = result.add(fromNumber(value));
        }
      }
      result.unsigned = unsigned;
      return result;
    }
    Long$1.fromString = fromString;
    function fromValue(val, unsigned) {
      if (typeof val === "number")
        return fromNumber(val, unsigned);
      if (typeof val === "string")
        return fromString(val, unsigned);
      return fromBits(val.low, val.high, typeof unsigned === "boolean" ? unsigned : val.unsigned);
    }
    Long$1.fromValue = fromValue;
    var TWO_PWR_16_DBL = 1 << 16;
    var TWO_PWR_24_DBL = 1 << 24;
    var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
    var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
    var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
    var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
    var ZERO = fromInt(0);
    Long$1.ZERO = ZERO;
    var UZERO = fromInt(0, true);
    Long$1.UZERO = UZERO;
    var ONE = fromInt(1);
    Long$1.ONE = ONE;
    var UONE = fromInt(1, true);
    Long$1.UONE = UONE;
    var NEG_ONE = fromInt(-1);
    Long$1.NEG_ONE = NEG_ONE;
    var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
    Long$1.MAX_VALUE = MAX_VALUE;
    var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
    Long$1.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
    var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
    Long$1.MIN_VALUE = MIN_VALUE;
    var LongPrototype = Long$1.prototype;
    LongPrototype.toInt = function toInt() {
      return this.unsigned ? this.low >>> 0 : this.low;
    };
    LongPrototype.toNumber = function toNumber() {
      if (this.unsigned)
        return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
      return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
    };
    LongPrototype.toString = function toString(radix) {
      radix = radix || 10;
      if (radix < 2 || 36 < radix)
        throw RangeError("radix");
      if (this.isZero())
        return "0";
      if (this.isNegative()) {
        if (this.eq(MIN_VALUE)) {
          var radixLong = fromNumber(radix), div2 = this.div(radixLong), rem1 = div2.mul(radixLong).sub(this);
          return div2.toString(radix) + rem1.toInt().toString(radix);
        } else
          return "-" + this.neg().toString(radix);
      }
      var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
      var result = "";
      while (true) {
        var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
        rem = remDiv;
        if (rem.isZero())
          return digits + result;
        else {
          while (digits.length < 6)
            digits = "0" + digits;
          result = "" + digits + result;
        }
      }
    };
    LongPrototype.getHighBits = function getHighBits() {
      return this.high;
    };
    LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
      return this.high >>> 0;
    };
    LongPrototype.getLowBits = function getLowBits() {
      return this.low;
    };
    LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
      return this.low >>> 0;
    };
    LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
      if (this.isNegative())
        return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
      var val = this.high != 0 ? this.high : this.low;
      for (var bit = 31; bit > 0; bit--)
        if ((val & 1 << bit) != 0)
          break;
      return this.high != 0 ? bit + 33 : bit + 1;
    };
    LongPrototype.isZero = function isZero() {
      return this.high === 0 && this.low === 0;
    };
    LongPrototype.eqz = LongPrototype.isZero;
    LongPrototype.isNegative = function isNegative() {
      return !this.unsigned && this.high < 0;
    };
    LongPrototype.isPositive = function isPositive() {
      return this.unsigned || this.high >= 0;
    };
    LongPrototype.isOdd = function isOdd() {
      return (this.low & 1) === 1;
    };
    LongPrototype.isEven = function isEven() {
      return (this.low & 1) === 0;
    };
    LongPrototype.equals = function equals(other) {
      if (!isLong(other))
        other = fromValue(other);
      if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
        return false;
      return this.high === other.high && this.low === other.low;
    };
    LongPrototype.eq = LongPrototype.equals;
    LongPrototype.notEquals = function notEquals(other) {
      return !this.eq(
        /* validates */
        other
      );
    };
    LongPrototype.neq = LongPrototype.notEquals;
    LongPrototype.ne = LongPrototype.notEquals;
    LongPrototype.lessThan = function lessThan(other) {
      return this.comp(
        /* validates */
        other
      ) < 0;
    };
    LongPrototype.lt = LongPrototype.lessThan;
    LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
      return this.comp(
        /* validates */
        other
      ) <= 0;
    };
    LongPrototype.lte = LongPrototype.lessThanOrEqual;
    LongPrototype.le = LongPrototype.lessThanOrEqual;
    LongPrototype.greaterThan = function greaterThan(other) {
      return this.comp(
        /* validates */
        other
      ) > 0;
    };
    LongPrototype.gt = LongPrototype.greaterThan;
    LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
      return this.comp(
        /* validates */
        other
      ) >= 0;
    };
    LongPrototype.gte = LongPrototype.greaterThanOrEqual;
    LongPrototype.ge = LongPrototype.greaterThanOrEqual;
    LongPrototype.compare = function compare(other) {
      if (!isLong(other))
        other = fromValue(other);
      if (this.eq(other))
        return 0;
      var thisNeg = this.isNegative(), otherNeg = other.isNegative();
      if (thisNeg && !otherNeg)
        return -1;
      if (!thisNeg && otherNeg)
        return 1;
      if (!this.unsigned)
        return this.sub(other).isNegative() ? -1 : 1;
      return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
    };
    LongPrototype.comp = LongPrototype.compare;
    LongPrototype.negate = function negate() {
      if (!this.unsigned && this.eq(MIN_VALUE))
        return MIN_VALUE;
      return this.not().add(ONE);
    };
    LongPrototype.neg = LongPrototype.negate;
    LongPrototype.add = function add2(addend) {
      if (!isLong(addend))
        addend = fromValue(addend);
      var a48 = this.high >>> 16;
      var a32 = this.high & 65535;
      var a16 = this.low >>> 16;
      var a00 = this.low & 65535;
      var b48 = addend.high >>> 16;
      var b32 = addend.high & 65535;
      var b16 = addend.low >>> 16;
      var b00 = addend.low & 65535;
      var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
      c00 += a00 + b00;
      c16 += c00 >>> 16;
      c00 &= 65535;
      c16 += a16 + b16;
      c32 += c16 >>> 16;
      c16 &= 65535;
      c32 += a32 + b32;
      c48 += c32 >>> 16;
      c32 &= 65535;
      c48 += a48 + b48;
      c48 &= 65535;
      return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
    };
    LongPrototype.subtract = function subtract(subtrahend) {
      if (!isLong(subtrahend))
        subtrahend = fromValue(subtrahend);
      return this.add(subtrahend.neg());
    };
    LongPrototype.sub = LongPrototype.subtract;
    LongPrototype.multiply = function multiply2(multiplier) {
      if (this.isZero())
        return ZERO;
      if (!isLong(multiplier))
        multiplier = fromValue(multiplier);
      if (wasm) {
        var low = wasm.mul(this.low, this.high, multiplier.low, multiplier.high);
        return fromBits(low, wasm.get_high(), this.unsigned);
      }
      if (multiplier.isZero())
        return ZERO;
      if (this.eq(MIN_VALUE))
        return multiplier.isOdd() ? MIN_VALUE : ZERO;
      if (multiplier.eq(MIN_VALUE))
        return this.isOdd() ? MIN_VALUE : ZERO;
      if (this.isNegative()) {
        if (multiplier.isNegative())
          return this.neg().mul(multiplier.neg());
        else
          return this.neg().mul(multiplier).neg();
      } else if (multiplier.isNegative())
        return this.mul(multiplier.neg()).neg();
      if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
        return fromNumber(this.toNumber() * multiplier.toNumber(), this.unsigned);
      var a48 = this.high >>> 16;
      var a32 = this.high & 65535;
      var a16 = this.low >>> 16;
      var a00 = this.low & 65535;
      var b48 = multiplier.high >>> 16;
      var b32 = multiplier.high & 65535;
      var b16 = multiplier.low >>> 16;
      var b00 = multiplier.low & 65535;
      var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
      c00 += a00 * b00;
      c16 += c00 >>> 16;
      c00 &= 65535;
      c16 += a16 * b00;
      c32 += c16 >>> 16;
      c16 &= 65535;
      c16 += a00 * b16;
      c32 += c16 >>> 16;
      c16 &= 65535;
      c32 += a32 * b00;
      c48 += c32 >>> 16;
      c32 &= 65535;
      c32 += a16 * b16;
      c48 += c32 >>> 16;
      c32 &= 65535;
      c32 += a00 * b32;
      c48 += c32 >>> 16;
      c32 &= 65535;
      c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
      c48 &= 65535;
      return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
    };
    LongPrototype.mul = LongPrototype.multiply;
    LongPrototype.divide = function divide(divisor) {
      if (!isLong(divisor))
        divisor = fromValue(divisor);
      if (divisor.isZero())
        throw Error("division by zero");
      if (wasm) {
        if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
          return this;
        }
        var low = (this.unsigned ? wasm.div_u : wasm.div_s)(this.low, this.high, divisor.low, divisor.high);
        return fromBits(low, wasm.get_high(), this.unsigned);
      }
      if (this.isZero())
        return this.unsigned ? UZERO : ZERO;
      var approx, rem, res;
      if (!this.unsigned) {
        if (this.eq(MIN_VALUE)) {
          if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
            return MIN_VALUE;
          else if (divisor.eq(MIN_VALUE))
            return ONE;
          else {
            var halfThis = this.shr(1);
            approx = halfThis.div(divisor).shl(1);
            if (approx.eq(ZERO)) {
              return divisor.isNegative() ? ONE : NEG_ONE;
            } else {
              rem = this.sub(divisor.mul(approx));
              res = approx.add(rem.div(divisor));
              return res;
            }
          }
        } else if (divisor.eq(MIN_VALUE))
          return this.unsigned ? UZERO : ZERO;
        if (this.isNegative()) {
          if (divisor.isNegative())
            return this.neg().div(divisor.neg());
          return this.neg().div(divisor).neg();
        } else if (divisor.isNegative())
          return this.div(divisor.neg()).neg();
        res = ZERO;
      } else {
        if (!divisor.unsigned)
          divisor = divisor.toUnsigned();
        if (divisor.gt(this))
          return UZERO;
        if (divisor.gt(this.shru(1)))
          return UONE;
        res = UZERO;
      }
      rem = this;
      while (rem.gte(divisor)) {
        approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
        var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
        while (approxRem.isNegative() || approxRem.gt(rem)) {
          approx -= delta;
          approxRes = fromNumber(approx, this.unsigned);
          approxRem = approxRes.mul(divisor);
        }
        if (approxRes.isZero())
          approxRes = ONE;
        res = res.add(approxRes);
        rem = rem.sub(approxRem);
      }
      return res;
    };
    LongPrototype.div = LongPrototype.divide;
    LongPrototype.modulo = function modulo(divisor) {
      if (!isLong(divisor))
        divisor = fromValue(divisor);
      if (wasm) {
        var low = (this.unsigned ? wasm.rem_u : wasm.rem_s)(this.low, this.high, divisor.low, divisor.high);
        return fromBits(low, wasm.get_high(), this.unsigned);
      }
      return this.sub(this.div(divisor).mul(divisor));
    };
    LongPrototype.mod = LongPrototype.modulo;
    LongPrototype.rem = LongPrototype.modulo;
    LongPrototype.not = function not() {
      return fromBits(~this.low, ~this.high, this.unsigned);
    };
    LongPrototype.and = function and(other) {
      if (!isLong(other))
        other = fromValue(other);
      return fromBits(this.low & other.low, this.high & other.high, this.unsigned);
    };
    LongPrototype.or = function or(other) {
      if (!isLong(other))
        other = fromValue(other);
      return fromBits(this.low | other.low, this.high | other.high, this.unsigned);
    };
    LongPrototype.xor = function xor(other) {
      if (!isLong(other))
        other = fromValue(other);
      return fromBits(this.low ^ other.low, this.high ^ other.high, this.unsigned);
    };
    LongPrototype.shiftLeft = function shiftLeft(numBits) {
      if (isLong(numBits))
        numBits = numBits.toInt();
      if ((numBits &= 63) === 0)
        return this;
      else if (numBits < 32)
        return fromBits(this.low << numBits, this.high << numBits | this.low >>> 32 - numBits, this.unsigned);
      else
        return fromBits(0, this.low << numBits - 32, this.unsigned);
    };
    LongPrototype.shl = LongPrototype.shiftLeft;
    LongPrototype.shiftRight = function shiftRight(numBits) {
      if (isLong(numBits))
        numBits = numBits.toInt();
      if ((numBits &= 63) === 0)
        return this;
      else if (numBits < 32)
        return fromBits(this.low >>> numBits | this.high << 32 - numBits, this.high >> numBits, this.unsigned);
      else
        return fromBits(this.high >> numBits - 32, this.high >= 0 ? 0 : -1, this.unsigned);
    };
    LongPrototype.shr = LongPrototype.shiftRight;
    LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
      if (isLong(numBits))
        numBits = numBits.toInt();
      numBits &= 63;
      if (numBits === 0)
        return this;
      else {
        var high = this.high;
        if (numBits < 32) {
          var low = this.low;
          return fromBits(low >>> numBits | high << 32 - numBits, high >>> numBits, this.unsigned);
        } else if (numBits === 32)
          return fromBits(high, 0, this.unsigned);
        else
          return fromBits(high >>> numBits - 32, 0, this.unsigned);
      }
    };
    LongPrototype.shru = LongPrototype.shiftRightUnsigned;
    LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
    LongPrototype.toSigned = function toSigned() {
      if (!this.unsigned)
        return this;
      return fromBits(this.low, this.high, false);
    };
    LongPrototype.toUnsigned = function toUnsigned() {
      if (this.unsigned)
        return this;
      return fromBits(this.low, this.high, true);
    };
    LongPrototype.toBytes = function toBytes(le) {
      return le ? this.toBytesLE() : this.toBytesBE();
    };
    LongPrototype.toBytesLE = function toBytesLE() {
      var hi = this.high, lo = this.low;
      return [
        lo & 255,
        lo >>> 8 & 255,
        lo >>> 16 & 255,
        lo >>> 24,
        hi & 255,
        hi >>> 8 & 255,
        hi >>> 16 & 255,
        hi >>> 24
      ];
    };
    LongPrototype.toBytesBE = function toBytesBE() {
      var hi = this.high, lo = this.low;
      return [
        hi >>> 24,
        hi >>> 16 & 255,
        hi >>> 8 & 255,
        hi & 255,
        lo >>> 24,
        lo >>> 16 & 255,
        lo >>> 8 & 255,
        lo & 255
      ];
    };
    Long$1.fromBytes = function fromBytes(bytes, unsigned, le) {
      return le ? Long$1.fromBytesLE(bytes, unsigned) : Long$1.fromBytesBE(bytes, unsigned);
    };
    Long$1.fromBytesLE = function fromBytesLE(bytes, unsigned) {
      return new Long$1(bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24, bytes[4] | bytes[5] << 8 | bytes[6] << 16 | bytes[7] << 24, unsigned);
    };
    Long$1.fromBytesBE = function fromBytesBE(bytes, unsigned) {
      return new Long$1(bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7], bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3], unsigned);
    };
    var long$1 = /* @__PURE__ */ getDefaultExportFromCjs(long);
    var LongExports = /* @__PURE__ */ _mergeNamespaces({
      __proto__: null,
      default: long$1
    }, [long]);
    var Long = (
      // tslint:disable-next-line
      long$1 || LongExports
    );
    function hexToLong(hex) {
      return Long.fromString(hex, true, 16);
    }
    hexToLong("c3a5c85c97cb3127");
    hexToLong("b492b66fbe98f273");
    hexToLong("9ae16a3b2f90404f");
    function noConversionNeeded(a, dtype) {
      return a instanceof Float32Array && dtype === "float32" || a instanceof Int32Array && dtype === "int32" || a instanceof Uint8Array && dtype === "bool";
    }
    function toTypedArray(a, dtype) {
      if (dtype === "string") {
        throw new Error("Cannot convert a string[] to a TypedArray");
      }
      if (Array.isArray(a)) {
        a = flatten$1(a);
      }
      if (env().getBool("DEBUG")) {
        checkConversionForErrors(a, dtype);
      }
      if (noConversionNeeded(a, dtype)) {
        return a;
      }
      if (dtype == null || dtype === "float32" || dtype === "complex64") {
        return new Float32Array(a);
      } else if (dtype === "int32") {
        return new Int32Array(a);
      } else if (dtype === "bool") {
        var bool = new Uint8Array(a.length);
        for (var i = 0; i < bool.length; ++i) {
          if (Math.round(a[i]) !== 0) {
            bool[i] = 1;
          }
        }
        return bool;
      } else {
        throw new Error("Unknown data type ".concat(dtype));
      }
    }
    function now() {
      return env().platform.now();
    }
    function encodeString(s, encoding) {
      if (encoding === void 0) {
        encoding = "utf-8";
      }
      encoding = encoding || "utf-8";
      return env().platform.encode(s, encoding);
    }
    function decodeString(bytes, encoding) {
      if (encoding === void 0) {
        encoding = "utf-8";
      }
      encoding = encoding || "utf-8";
      return env().platform.decode(bytes, encoding);
    }
    function isTypedArray(a) {
      if (env().platform.isTypedArray != null) {
        return env().platform.isTypedArray(a);
      } else {
        return isTypedArrayBrowser(a);
      }
    }
    function flatten$1(arr, result, skipTypedArray) {
      var e_12, _a2;
      if (result === void 0) {
        result = [];
      }
      if (skipTypedArray === void 0) {
        skipTypedArray = false;
      }
      if (result == null) {
        result = [];
      }
      if (typeof arr === "boolean" || typeof arr === "number" || typeof arr === "string" || isPromise(arr) || arr == null || isTypedArray(arr) && skipTypedArray) {
        result.push(arr);
      } else if (Array.isArray(arr) || isTypedArray(arr)) {
        for (var i = 0; i < arr.length; ++i) {
          flatten$1(arr[i], result, skipTypedArray);
        }
      } else {
        var maxIndex = -1;
        try {
          for (var _b = __values(Object.keys(arr)), _c = _b.next(); !_c.done; _c = _b.next()) {
            var key = _c.value;
            if (/^([1-9]+[0-9]*|0)$/.test(key)) {
              maxIndex = Math.max(maxIndex, Number(key));
            }
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
        for (var i = 0; i <= maxIndex; i++) {
          flatten$1(arr[i], result, skipTypedArray);
        }
      }
      return result;
    }
    var Profiler = (
      /** @class */
      (function() {
        function Profiler2(backendTimer, logger) {
          this.backendTimer = backendTimer;
          this.logger = logger;
          if (logger == null) {
            this.logger = new Logger();
          }
        }
        Profiler2.prototype.profileKernel = function(kernelName, inputs, f) {
          var e_12, _a2;
          var outputs;
          var holdResultWrapperFn = function() {
            outputs = f();
          };
          var timer;
          var start = now();
          if (this.backendTimer.timerAvailable()) {
            timer = this.backendTimer.time(holdResultWrapperFn);
          } else {
            holdResultWrapperFn();
            try {
              for (var outputs_1 = __values(outputs), outputs_1_1 = outputs_1.next(); !outputs_1_1.done; outputs_1_1 = outputs_1.next()) {
                var output = outputs_1_1.value;
                output.dataSync();
              }
            } catch (e_1_1) {
              e_12 = { error: e_1_1 };
            } finally {
              try {
                if (outputs_1_1 && !outputs_1_1.done && (_a2 = outputs_1.return)) _a2.call(outputs_1);
              } finally {
                if (e_12) throw e_12.error;
              }
            }
            timer = Promise.resolve({ kernelMs: now() - start });
          }
          if (env().getBool("CHECK_COMPUTATION_FOR_ERRORS")) {
            var _loop_1 = function(i2) {
              var output2 = outputs[i2];
              output2.data().then(function(tensorVals) {
                checkComputationForErrors(tensorVals, output2.dtype, kernelName);
              });
            };
            for (var i = 0; i < outputs.length; i++) {
              _loop_1(i);
            }
          }
          var kernelProfile = {
            kernelName,
            outputs,
            inputs,
            timeMs: timer.then(function(timing) {
              return timing.kernelMs;
            }),
            extraInfo: timer.then(function(timing) {
              return timing.getExtraProfileInfo != null ? timing.getExtraProfileInfo() : "";
            })
          };
          return kernelProfile;
        };
        Profiler2.prototype.logKernelProfile = function(kernelProfile) {
          var _this = this;
          var kernelName = kernelProfile.kernelName, outputs = kernelProfile.outputs, timeMs = kernelProfile.timeMs, inputs = kernelProfile.inputs, extraInfo = kernelProfile.extraInfo;
          outputs.forEach(function(result) {
            Promise.all([result.data(), timeMs, extraInfo]).then(function(valueContainer) {
              _this.logger.logKernelProfile(kernelName, result, valueContainer[0], valueContainer[1], inputs, valueContainer[2]);
            });
          });
        };
        return Profiler2;
      })()
    );
    function checkComputationForErrors(vals, dtype, kernelName) {
      if (dtype !== "float32") {
        return false;
      }
      for (var i = 0; i < vals.length; i++) {
        var num = vals[i];
        if (isNaN(num) || !isFinite(num)) {
          console.warn("Found ".concat(num, " in the result of '").concat(kernelName, "'"));
          return true;
        }
      }
      return false;
    }
    var Logger = (
      /** @class */
      (function() {
        function Logger2() {
        }
        Logger2.prototype.logKernelProfile = function(name, result, vals, timeMs, inputs, extraInfo) {
          var time = typeof timeMs === "number" ? rightPad("".concat(timeMs, "ms"), 9) : timeMs["error"];
          var paddedName = rightPad(name, 25);
          var rank = result.rank;
          var size = result.size;
          var shape = rightPad(result.shape.toString(), 14);
          var inputShapesDescription = "";
          for (var name_1 in inputs) {
            var input2 = inputs[name_1];
            if (input2 != null) {
              var inputShape = input2.shape || result.shape;
              var inputRank = inputShape.length;
              inputShapesDescription += "".concat(name_1, ": ").concat(inputRank, "D ").concat(inputRank > 0 ? inputShape : "", " ");
            }
          }
          console.log("%c".concat(paddedName, "	%c").concat(time, "	%c").concat(rank, "D ").concat(shape, "	%c").concat(size, "	%c").concat(inputShapesDescription, "	%c").concat(extraInfo), "font-weight:bold", "color:red", "color:blue", "color: orange", "color: green", "color: steelblue");
        };
        return Logger2;
      })()
    );
    function getFilteredNodesXToY(tape, xs, y) {
      var tensorsFromX = {};
      var nodesFromX = {};
      for (var i = 0; i < xs.length; i++) {
        tensorsFromX[xs[i].id] = true;
      }
      for (var i = 0; i < tape.length; i++) {
        var node = tape[i];
        var nodeInputs = node.inputs;
        for (var inputName in nodeInputs) {
          var input2 = nodeInputs[inputName];
          var anyInputFromX = false;
          for (var j = 0; j < xs.length; j++) {
            if (tensorsFromX[input2.id]) {
              node.outputs.forEach(function(output) {
                return tensorsFromX[output.id] = true;
              });
              anyInputFromX = true;
              nodesFromX[node.id] = true;
              break;
            }
          }
          if (anyInputFromX) {
            break;
          }
        }
      }
      var tensorsLeadToY = {};
      tensorsLeadToY[y.id] = true;
      var nodesToY = {};
      for (var i = tape.length - 1; i >= 0; i--) {
        var node = tape[i];
        var nodeInputs = node.inputs;
        for (var j = 0; j < node.outputs.length; j++) {
          if (tensorsLeadToY[node.outputs[j].id]) {
            for (var inputName in nodeInputs) {
              tensorsLeadToY[nodeInputs[inputName].id] = true;
              nodesToY[node.id] = true;
            }
            break;
          }
        }
      }
      var filteredTape = [];
      for (var i = 0; i < tape.length; i++) {
        var node = tape[i];
        if (nodesFromX[node.id] && nodesToY[node.id]) {
          var prunedInputs = {};
          for (var inputName in node.inputs) {
            var nodeInput = node.inputs[inputName];
            if (tensorsFromX[nodeInput.id]) {
              prunedInputs[inputName] = nodeInput;
            }
          }
          var prunedNode = Object.assign({}, node);
          prunedNode.inputs = prunedInputs;
          prunedNode.outputs = node.outputs;
          filteredTape.push(prunedNode);
        }
      }
      return filteredTape;
    }
    function backpropagateGradients(tensorAccumulatedGradientMap, filteredTape, tidy2, add2) {
      var _loop_1 = function(i2) {
        var node = filteredTape[i2];
        var dys = [];
        node.outputs.forEach(function(o) {
          var gradTensor = tensorAccumulatedGradientMap[o.id];
          if (gradTensor != null) {
            dys.push(gradTensor);
          } else {
            dys.push(null);
          }
        });
        if (node.gradient == null) {
          throw new Error("Cannot compute gradient: gradient function not found " + "for ".concat(node.kernelName, "."));
        }
        var inputGradients = node.gradient(dys);
        var _loop_2 = function(inputName2) {
          if (!(inputName2 in inputGradients)) {
            throw new Error("Cannot backprop through input ".concat(inputName2, ". ") + "Available gradients found: ".concat(Object.keys(inputGradients), "."));
          }
          var dx = tidy2(function() {
            return inputGradients[inputName2]();
          });
          if (dx.dtype !== "float32") {
            throw new Error("Error in gradient for op ".concat(node.kernelName, ". The gradient of input ") + "".concat(inputName2, " must have 'float32' dtype, but has '").concat(dx.dtype, "'"));
          }
          var x = node.inputs[inputName2];
          if (!arraysEqual(dx.shape, x.shape)) {
            throw new Error("Error in gradient for op ".concat(node.kernelName, ". The gradient of input ") + "'".concat(inputName2, "' has shape '").concat(dx.shape, "', which does not match ") + "the shape of the input '".concat(x.shape, "'"));
          }
          if (tensorAccumulatedGradientMap[x.id] == null) {
            tensorAccumulatedGradientMap[x.id] = dx;
          } else {
            var curGradient = tensorAccumulatedGradientMap[x.id];
            tensorAccumulatedGradientMap[x.id] = add2(curGradient, dx);
            curGradient.dispose();
          }
        };
        for (var inputName in node.inputs) {
          _loop_2(inputName);
        }
      };
      for (var i = filteredTape.length - 1; i >= 0; i--) {
        _loop_1(i);
      }
    }
    var FORMAT_LIMIT_NUM_VALS = 20;
    var FORMAT_NUM_FIRST_LAST_VALS = 3;
    var FORMAT_NUM_SIG_DIGITS = 7;
    function tensorToString(vals, shape, dtype, verbose) {
      var strides = computeStrides(shape);
      var padPerCol = computeMaxSizePerColumn(vals, shape, dtype, strides);
      var rank = shape.length;
      var valsLines = subTensorToString(vals, shape, dtype, strides, padPerCol);
      var lines = ["Tensor"];
      if (verbose) {
        lines.push("  dtype: ".concat(dtype));
        lines.push("  rank: ".concat(rank));
        lines.push("  shape: [".concat(shape, "]"));
        lines.push("  values:");
      }
      lines.push(valsLines.map(function(l) {
        return "    " + l;
      }).join("\n"));
      return lines.join("\n");
    }
    function computeMaxSizePerColumn(vals, shape, dtype, strides) {
      var n = sizeFromShape(shape);
      var numCols = strides[strides.length - 1];
      var padPerCol = new Array(numCols).fill(0);
      var rank = shape.length;
      var valuesOrTuples = dtype === "complex64" ? createComplexTuples(vals) : vals;
      if (rank > 1) {
        for (var row = 0; row < n / numCols; row++) {
          var offset = row * numCols;
          for (var j = 0; j < numCols; j++) {
            padPerCol[j] = Math.max(padPerCol[j], valToString(valuesOrTuples[offset + j], 0, dtype).length);
          }
        }
      }
      return padPerCol;
    }
    function valToString(val, pad2, dtype) {
      var valStr;
      if (Array.isArray(val)) {
        valStr = "".concat(parseFloat(val[0].toFixed(FORMAT_NUM_SIG_DIGITS)), " + ") + "".concat(parseFloat(val[1].toFixed(FORMAT_NUM_SIG_DIGITS)), "j");
      } else if (isString(val)) {
        valStr = "'".concat(val, "'");
      } else if (dtype === "bool") {
        valStr = boolNumToString(val);
      } else {
        valStr = parseFloat(val.toFixed(FORMAT_NUM_SIG_DIGITS)).toString();
      }
      return rightPad(valStr, pad2);
    }
    function boolNumToString(v) {
      return v === 0 ? "false" : "true";
    }
    function subTensorToString(vals, shape, dtype, strides, padPerCol, isLast) {
      if (isLast === void 0) {
        isLast = true;
      }
      var storagePerElement = dtype === "complex64" ? 2 : 1;
      var size = shape[0];
      var rank = shape.length;
      if (rank === 0) {
        if (dtype === "complex64") {
          var complexTuple = createComplexTuples(vals);
          return [valToString(complexTuple[0], 0, dtype)];
        }
        if (dtype === "bool") {
          return [boolNumToString(vals[0])];
        }
        return [vals[0].toString()];
      }
      if (rank === 1) {
        if (size > FORMAT_LIMIT_NUM_VALS) {
          var firstValsSize = FORMAT_NUM_FIRST_LAST_VALS * storagePerElement;
          var firstVals = Array.from(vals.slice(0, firstValsSize));
          var lastVals = Array.from(vals.slice((size - FORMAT_NUM_FIRST_LAST_VALS) * storagePerElement, size * storagePerElement));
          if (dtype === "complex64") {
            firstVals = createComplexTuples(firstVals);
            lastVals = createComplexTuples(lastVals);
          }
          return [
            "[" + firstVals.map(function(x, i2) {
              return valToString(x, padPerCol[i2], dtype);
            }).join(", ") + ", ..., " + lastVals.map(function(x, i2) {
              return valToString(x, padPerCol[size - FORMAT_NUM_FIRST_LAST_VALS + i2], dtype);
            }).join(", ") + "]"
          ];
        }
        var displayVals = dtype === "complex64" ? createComplexTuples(vals) : Array.from(vals);
        return [
          "[" + displayVals.map(function(x, i2) {
            return valToString(x, padPerCol[i2], dtype);
          }).join(", ") + "]"
        ];
      }
      var subshape = shape.slice(1);
      var substrides = strides.slice(1);
      var stride = strides[0] * storagePerElement;
      var lines = [];
      if (size > FORMAT_LIMIT_NUM_VALS) {
        for (var i = 0; i < FORMAT_NUM_FIRST_LAST_VALS; i++) {
          var start = i * stride;
          var end = start + stride;
          lines.push.apply(lines, __spreadArray([], __read(subTensorToString(
            vals.slice(start, end),
            subshape,
            dtype,
            substrides,
            padPerCol,
            false
            /* isLast */
          )), false));
        }
        lines.push("...");
        for (var i = size - FORMAT_NUM_FIRST_LAST_VALS; i < size; i++) {
          var start = i * stride;
          var end = start + stride;
          lines.push.apply(lines, __spreadArray([], __read(subTensorToString(
            vals.slice(start, end),
            subshape,
            dtype,
            substrides,
            padPerCol,
            i === size - 1
            /* isLast */
          )), false));
        }
      } else {
        for (var i = 0; i < size; i++) {
          var start = i * stride;
          var end = start + stride;
          lines.push.apply(lines, __spreadArray([], __read(subTensorToString(
            vals.slice(start, end),
            subshape,
            dtype,
            substrides,
            padPerCol,
            i === size - 1
            /* isLast */
          )), false));
        }
      }
      var sep = rank === 2 ? "," : "";
      lines[0] = "[" + (size > 0 ? lines[0] + sep : "");
      for (var i = 1; i < lines.length - 1; i++) {
        lines[i] = " " + lines[i] + sep;
      }
      var newLineSep = ",\n";
      for (var i = 2; i < rank; i++) {
        newLineSep += "\n";
      }
      lines[lines.length - 1] = " " + lines[lines.length - 1] + "]" + (isLast ? "" : newLineSep);
      return lines;
    }
    function createComplexTuples(vals) {
      var complexTuples = [];
      for (var i = 0; i < vals.length; i += 2) {
        complexTuples.push([vals[i], vals[i + 1]]);
      }
      return complexTuples;
    }
    (function() {
      function TensorBuffer(shape, dtype, values) {
        var _this = this;
        this.dtype = dtype;
        this.shape = shape.slice();
        this.size = sizeFromShape(shape);
        if (values != null) {
          var n_1 = values.length;
          assert(n_1 === this.size, function() {
            return "Length of values '".concat(n_1, "' does not match the size ") + "inferred by the shape '".concat(_this.size, "'.");
          });
        }
        if (dtype === "complex64") {
          throw new Error("complex64 dtype TensorBuffers are not supported. Please create a TensorBuffer for the real and imaginary parts separately and call tf.complex(real, imag).");
        }
        this.values = values || getArrayFromDType(dtype, this.size);
        this.strides = computeStrides(shape);
      }
      TensorBuffer.prototype.set = function(value) {
        var _this = this;
        var locs = [];
        for (var _i = 1; _i < arguments.length; _i++) {
          locs[_i - 1] = arguments[_i];
        }
        if (locs.length === 0) {
          locs = [0];
        }
        assert(locs.length === this.rank, function() {
          return "The number of provided coordinates (".concat(locs.length, ") must ") + "match the rank (".concat(_this.rank, ")");
        });
        var index = this.locToIndex(locs);
        this.values[index] = value;
      };
      TensorBuffer.prototype.get = function() {
        var e_12, _b;
        var locs = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          locs[_i] = arguments[_i];
        }
        if (locs.length === 0) {
          locs = [0];
        }
        var i = 0;
        try {
          for (var locs_1 = __values(locs), locs_1_1 = locs_1.next(); !locs_1_1.done; locs_1_1 = locs_1.next()) {
            var loc = locs_1_1.value;
            if (loc < 0 || loc >= this.shape[i]) {
              var msg = "Requested out of range element at ".concat(locs, ". ") + "  Buffer shape=".concat(this.shape);
              throw new Error(msg);
            }
            i++;
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (locs_1_1 && !locs_1_1.done && (_b = locs_1.return)) _b.call(locs_1);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
        var index = locs[locs.length - 1];
        for (var i_1 = 0; i_1 < locs.length - 1; ++i_1) {
          index += this.strides[i_1] * locs[i_1];
        }
        return this.values[index];
      };
      TensorBuffer.prototype.locToIndex = function(locs) {
        if (this.rank === 0) {
          return 0;
        } else if (this.rank === 1) {
          return locs[0];
        }
        var index = locs[locs.length - 1];
        for (var i = 0; i < locs.length - 1; ++i) {
          index += this.strides[i] * locs[i];
        }
        return index;
      };
      TensorBuffer.prototype.indexToLoc = function(index) {
        if (this.rank === 0) {
          return [];
        } else if (this.rank === 1) {
          return [index];
        }
        var locs = new Array(this.shape.length);
        for (var i = 0; i < locs.length - 1; ++i) {
          locs[i] = Math.floor(index / this.strides[i]);
          index -= locs[i] * this.strides[i];
        }
        locs[locs.length - 1] = index;
        return locs;
      };
      Object.defineProperty(TensorBuffer.prototype, "rank", {
        get: function() {
          return this.shape.length;
        },
        enumerable: false,
        configurable: true
      });
      TensorBuffer.prototype.toTensor = function() {
        return trackerFn().makeTensor(this.values, this.shape, this.dtype);
      };
      return TensorBuffer;
    })();
    var trackerFn = null;
    var opHandler = null;
    function setTensorTracker(fn) {
      trackerFn = fn;
    }
    var Tensor = (
      /** @class */
      (function() {
        function Tensor2(shape, dtype, dataId, id) {
          this.kept = false;
          this.isDisposedInternal = false;
          this.shape = shape.slice();
          this.dtype = dtype || "float32";
          this.size = sizeFromShape(shape);
          this.strides = computeStrides(shape);
          this.dataId = dataId;
          this.id = id;
          this.rankType = this.rank < 5 ? this.rank.toString() : "higher";
        }
        Object.defineProperty(Tensor2.prototype, "rank", {
          get: function() {
            return this.shape.length;
          },
          enumerable: false,
          configurable: true
        });
        Tensor2.prototype.buffer = function() {
          return __awaiter(this, void 0, void 0, function() {
            var vals;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  return [4, this.data()];
                case 1:
                  vals = _b.sent();
                  return [2, opHandler.buffer(this.shape, this.dtype, vals)];
              }
            });
          });
        };
        Tensor2.prototype.bufferSync = function() {
          return opHandler.buffer(this.shape, this.dtype, this.dataSync());
        };
        Tensor2.prototype.array = function() {
          return __awaiter(this, void 0, void 0, function() {
            var vals;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  return [4, this.data()];
                case 1:
                  vals = _b.sent();
                  return [2, toNestedArray(this.shape, vals, this.dtype === "complex64")];
              }
            });
          });
        };
        Tensor2.prototype.arraySync = function() {
          return toNestedArray(this.shape, this.dataSync(), this.dtype === "complex64");
        };
        Tensor2.prototype.data = function() {
          return __awaiter(this, void 0, void 0, function() {
            var data, bytes;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  this.throwIfDisposed();
                  data = trackerFn().read(this.dataId);
                  if (!(this.dtype === "string")) return [3, 2];
                  return [4, data];
                case 1:
                  bytes = _b.sent();
                  try {
                    return [2, bytes.map(function(b) {
                      return decodeString(b);
                    })];
                  } catch (_a2) {
                    throw new Error("Failed to decode the string bytes into utf-8. To get the original bytes, call tensor.bytes().");
                  }
                  _b.label = 2;
                case 2:
                  return [2, data];
              }
            });
          });
        };
        Tensor2.prototype.dataToGPU = function(options) {
          this.throwIfDisposed();
          return trackerFn().readToGPU(this.dataId, options);
        };
        Tensor2.prototype.dataSync = function() {
          this.throwIfDisposed();
          var data = trackerFn().readSync(this.dataId);
          if (this.dtype === "string") {
            try {
              return data.map(function(b) {
                return decodeString(b);
              });
            } catch (_a2) {
              throw new Error("Failed to decode the string bytes into utf-8. To get the original bytes, call tensor.bytes().");
            }
          }
          return data;
        };
        Tensor2.prototype.bytes = function() {
          return __awaiter(this, void 0, void 0, function() {
            var data;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  this.throwIfDisposed();
                  return [4, trackerFn().read(this.dataId)];
                case 1:
                  data = _b.sent();
                  if (this.dtype === "string") {
                    return [2, data];
                  } else {
                    return [2, new Uint8Array(data.buffer)];
                  }
              }
            });
          });
        };
        Tensor2.prototype.dispose = function() {
          if (this.isDisposed) {
            return;
          }
          if (this.kerasMask) {
            this.kerasMask.dispose();
          }
          trackerFn().disposeTensor(this);
          this.isDisposedInternal = true;
        };
        Object.defineProperty(Tensor2.prototype, "isDisposed", {
          get: function() {
            return this.isDisposedInternal;
          },
          enumerable: false,
          configurable: true
        });
        Tensor2.prototype.throwIfDisposed = function() {
          if (this.isDisposed) {
            throw new Error("Tensor is disposed.");
          }
        };
        Tensor2.prototype.print = function(verbose) {
          if (verbose === void 0) {
            verbose = false;
          }
          return opHandler.print(this, verbose);
        };
        Tensor2.prototype.clone = function() {
          this.throwIfDisposed();
          return opHandler.clone(this);
        };
        Tensor2.prototype.toString = function(verbose) {
          if (verbose === void 0) {
            verbose = false;
          }
          var vals = this.dataSync();
          return tensorToString(vals, this.shape, this.dtype, verbose);
        };
        Tensor2.prototype.cast = function(dtype) {
          this.throwIfDisposed();
          return opHandler.cast(this, dtype);
        };
        Tensor2.prototype.variable = function(trainable, name, dtype) {
          if (trainable === void 0) {
            trainable = true;
          }
          this.throwIfDisposed();
          return trackerFn().makeVariable(this, trainable, name, dtype);
        };
        return Tensor2;
      })()
    );
    Object.defineProperty(Tensor, Symbol.hasInstance, {
      value: function(instance) {
        return !!instance && instance.data != null && instance.dataSync != null && instance.throwIfDisposed != null;
      }
    });
    function getGlobalTensorClass() {
      return getGlobal("Tensor", function() {
        return Tensor;
      });
    }
    getGlobalTensorClass();
    var Variable = (
      /** @class */
      (function(_super) {
        __extends(Variable2, _super);
        function Variable2(initialValue, trainable, name, tensorId) {
          var _this = _super.call(this, initialValue.shape, initialValue.dtype, initialValue.dataId, tensorId) || this;
          _this.trainable = trainable;
          _this.name = name;
          return _this;
        }
        Variable2.prototype.assign = function(newValue) {
          if (newValue.dtype !== this.dtype) {
            throw new Error("dtype of the new value (".concat(newValue.dtype, ") and ") + "previous value (".concat(this.dtype, ") must match"));
          }
          if (!arraysEqual(newValue.shape, this.shape)) {
            throw new Error("shape of the new value (".concat(newValue.shape, ") and ") + "previous value (".concat(this.shape, ") must match"));
          }
          trackerFn().disposeTensor(this);
          this.dataId = newValue.dataId;
          trackerFn().incRef(
            this,
            null
            /* backend */
          );
        };
        Variable2.prototype.dispose = function() {
          trackerFn().disposeVariable(this);
          this.isDisposedInternal = true;
        };
        return Variable2;
      })(Tensor)
    );
    Object.defineProperty(Variable, Symbol.hasInstance, {
      value: function(instance) {
        return instance instanceof Tensor && instance.assign != null && instance.assign instanceof Function;
      }
    });
    var Rank;
    (function(Rank2) {
      Rank2["R0"] = "R0";
      Rank2["R1"] = "R1";
      Rank2["R2"] = "R2";
      Rank2["R3"] = "R3";
      Rank2["R4"] = "R4";
      Rank2["R5"] = "R5";
      Rank2["R6"] = "R6";
    })(Rank || (Rank = {}));
    var UpcastInt32AndMap;
    (function(UpcastInt32AndMap2) {
      UpcastInt32AndMap2["float32"] = "float32";
      UpcastInt32AndMap2["int32"] = "int32";
      UpcastInt32AndMap2["bool"] = "int32";
      UpcastInt32AndMap2["complex64"] = "complex64";
    })(UpcastInt32AndMap || (UpcastInt32AndMap = {}));
    var UpcastBoolAndMap;
    (function(UpcastBoolAndMap2) {
      UpcastBoolAndMap2["float32"] = "float32";
      UpcastBoolAndMap2["int32"] = "int32";
      UpcastBoolAndMap2["bool"] = "bool";
      UpcastBoolAndMap2["complex64"] = "complex64";
    })(UpcastBoolAndMap || (UpcastBoolAndMap = {}));
    var UpcastFloat32AndMap;
    (function(UpcastFloat32AndMap2) {
      UpcastFloat32AndMap2["float32"] = "float32";
      UpcastFloat32AndMap2["int32"] = "float32";
      UpcastFloat32AndMap2["bool"] = "float32";
      UpcastFloat32AndMap2["complex64"] = "complex64";
    })(UpcastFloat32AndMap || (UpcastFloat32AndMap = {}));
    var UpcastComplex64AndMap;
    (function(UpcastComplex64AndMap2) {
      UpcastComplex64AndMap2["float32"] = "complex64";
      UpcastComplex64AndMap2["int32"] = "complex64";
      UpcastComplex64AndMap2["bool"] = "complex64";
      UpcastComplex64AndMap2["complex64"] = "complex64";
    })(UpcastComplex64AndMap || (UpcastComplex64AndMap = {}));
    var upcastTypeMap = {
      "float32": UpcastFloat32AndMap,
      "int32": UpcastInt32AndMap,
      "bool": UpcastBoolAndMap,
      "complex64": UpcastComplex64AndMap
    };
    function upcastType(typeA, typeB) {
      if (typeA === "string" || typeB === "string") {
        if (typeA === "string" && typeB === "string") {
          return "string";
        }
        throw new Error("Can not upcast ".concat(typeA, " with ").concat(typeB));
      }
      return upcastTypeMap[typeA][typeB];
    }
    function isWebGLData(values) {
      return values != null && typeof values === "object" && "texture" in values && values.texture instanceof WebGLTexture;
    }
    function isWebGPUData(values) {
      return typeof GPUBuffer !== "undefined" && values != null && typeof values === "object" && "buffer" in values && values.buffer instanceof GPUBuffer;
    }
    function makeTypesMatch(a, b) {
      if (a.dtype === b.dtype) {
        return [a, b];
      }
      var dtype = upcastType(a.dtype, b.dtype);
      return [a.cast(dtype), b.cast(dtype)];
    }
    function getTensorsInContainer(result) {
      var list = [];
      var seen = /* @__PURE__ */ new Set();
      walkTensorContainer(result, list, seen);
      return list;
    }
    function walkTensorContainer(container, list, seen) {
      if (container == null) {
        return;
      }
      if (container instanceof Tensor) {
        list.push(container);
        return;
      }
      if (!isIterable(container)) {
        return;
      }
      var iterable = container;
      for (var k in iterable) {
        var val = iterable[k];
        if (!seen.has(val)) {
          seen.add(val);
          walkTensorContainer(val, list, seen);
        }
      }
    }
    function isIterable(obj) {
      return Array.isArray(obj) || typeof obj === "object";
    }
    function isRegisteredKernelInvocation(kernelInvocation) {
      return kernelInvocation.kernelName != null;
    }
    var EngineState = (
      /** @class */
      (function() {
        function EngineState2() {
          this.registeredVariables = {};
          this.nextTapeNodeId = 0;
          this.numBytes = 0;
          this.numTensors = 0;
          this.numStringTensors = 0;
          this.numDataBuffers = 0;
          this.gradientDepth = 0;
          this.kernelDepth = 0;
          this.scopeStack = [];
          this.numDataMovesStack = [];
          this.nextScopeId = 0;
          this.tensorInfo = /* @__PURE__ */ new WeakMap();
          this.profiling = false;
          this.activeProfile = {
            newBytes: 0,
            newTensors: 0,
            peakBytes: 0,
            kernels: [],
            result: null,
            get kernelNames() {
              return Array.from(new Set(this.kernels.map(function(k) {
                return k.name;
              })));
            }
          };
        }
        EngineState2.prototype.dispose = function() {
          for (var variableName in this.registeredVariables) {
            this.registeredVariables[variableName].dispose();
          }
        };
        return EngineState2;
      })()
    );
    var Engine = (
      /** @class */
      (function() {
        function Engine2(ENV2) {
          this.ENV = ENV2;
          this.registry = {};
          this.registryFactory = {};
          this.pendingBackendInitId = 0;
          this.state = new EngineState();
        }
        Engine2.prototype.ready = function() {
          return __awaiter(this, void 0, void 0, function() {
            var sortedBackends, i, backendName, success;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (this.pendingBackendInit != null) {
                    return [2, this.pendingBackendInit.then(function() {
                    })];
                  }
                  if (this.backendInstance != null) {
                    return [
                      2
                      /*return*/
                    ];
                  }
                  sortedBackends = this.getSortedBackends();
                  i = 0;
                  _a2.label = 1;
                case 1:
                  if (!(i < sortedBackends.length)) return [3, 5];
                  backendName = sortedBackends[i];
                  return [4, this.initializeBackend(backendName).success];
                case 2:
                  success = _a2.sent();
                  if (!success) return [3, 4];
                  return [4, this.setBackend(backendName)];
                case 3:
                  _a2.sent();
                  return [
                    2
                    /*return*/
                  ];
                case 4:
                  i++;
                  return [3, 1];
                case 5:
                  throw new Error("Could not initialize any backends, all backend initializations failed.");
              }
            });
          });
        };
        Object.defineProperty(Engine2.prototype, "backend", {
          get: function() {
            if (this.pendingBackendInit != null) {
              throw new Error("Backend '".concat(this.backendName, "' has not yet been initialized. Make ") + "sure to await tf.ready() or await tf.setBackend() before calling other methods");
            }
            if (this.backendInstance == null) {
              var _a2 = this.initializeBackendsAndReturnBest(), name = _a2.name, asyncInit = _a2.asyncInit;
              if (asyncInit) {
                throw new Error("The highest priority backend '".concat(name, "' has not yet been ") + "initialized. Make sure to await tf.ready() or await tf.setBackend() before calling other methods");
              }
              this.setBackend(name);
            }
            return this.backendInstance;
          },
          enumerable: false,
          configurable: true
        });
        Engine2.prototype.backendNames = function() {
          return Object.keys(this.registryFactory);
        };
        Engine2.prototype.findBackend = function(backendName) {
          if (!(backendName in this.registry)) {
            if (backendName in this.registryFactory) {
              var asyncInit = this.initializeBackend(backendName).asyncInit;
              if (asyncInit) {
                return null;
              }
            } else {
              return null;
            }
          }
          return this.registry[backendName];
        };
        Engine2.prototype.findBackendFactory = function(backendName) {
          if (!(backendName in this.registryFactory)) {
            return null;
          }
          return this.registryFactory[backendName].factory;
        };
        Engine2.prototype.registerBackend = function(backendName, factory, priority) {
          if (priority === void 0) {
            priority = 1;
          }
          if (backendName in this.registryFactory) {
            warn("".concat(backendName, " backend was already registered. ") + "Reusing existing backend factory.");
            return false;
          }
          this.registryFactory[backendName] = { factory, priority };
          return true;
        };
        Engine2.prototype.setBackend = function(backendName) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, success, asyncInit, result, _b;
            return __generator(this, function(_c) {
              switch (_c.label) {
                case 0:
                  if (this.registryFactory[backendName] == null) {
                    throw new Error("Backend name '".concat(backendName, "' not found in registry"));
                  }
                  this.backendName = backendName;
                  if (!(this.registry[backendName] == null)) return [3, 4];
                  this.backendInstance = null;
                  _a2 = this.initializeBackend(backendName), success = _a2.success, asyncInit = _a2.asyncInit;
                  if (!asyncInit) return [3, 2];
                  return [4, success];
                case 1:
                  _b = _c.sent();
                  return [3, 3];
                case 2:
                  _b = success;
                  _c.label = 3;
                case 3:
                  result = _b;
                  if (!result) {
                    return [2, false];
                  }
                  _c.label = 4;
                case 4:
                  this.backendInstance = this.registry[backendName];
                  this.setupRegisteredKernels();
                  this.profiler = new Profiler(this.backendInstance);
                  return [2, true];
              }
            });
          });
        };
        Engine2.prototype.setupRegisteredKernels = function() {
          var _this = this;
          var kernels = getKernelsForBackend(this.backendName);
          kernels.forEach(function(kernel) {
            if (kernel.setupFunc != null) {
              kernel.setupFunc(_this.backendInstance);
            }
          });
        };
        Engine2.prototype.disposeRegisteredKernels = function(backendName) {
          var _this = this;
          var kernels = getKernelsForBackend(backendName);
          kernels.forEach(function(kernel) {
            if (kernel.disposeFunc != null) {
              kernel.disposeFunc(_this.registry[backendName]);
            }
          });
        };
        Engine2.prototype.initializeBackend = function(backendName) {
          var _this = this;
          var registryFactoryEntry = this.registryFactory[backendName];
          if (registryFactoryEntry == null) {
            throw new Error("Cannot initialize backend ".concat(backendName, ", no registration found."));
          }
          try {
            var backend = registryFactoryEntry.factory();
            if (backend && !(backend instanceof KernelBackend) && typeof backend.then === "function") {
              var promiseId_1 = ++this.pendingBackendInitId;
              var success = backend.then(function(backendInstance) {
                if (promiseId_1 < _this.pendingBackendInitId) {
                  return false;
                }
                _this.registry[backendName] = backendInstance;
                _this.pendingBackendInit = null;
                return true;
              }).catch(function(err) {
                if (promiseId_1 < _this.pendingBackendInitId) {
                  return false;
                }
                _this.pendingBackendInit = null;
                warn("Initialization of backend ".concat(backendName, " failed"));
                warn(err.stack || err.message);
                return false;
              });
              this.pendingBackendInit = success;
              return { success, asyncInit: true };
            } else {
              this.registry[backendName] = backend;
              return { success: true, asyncInit: false };
            }
          } catch (err) {
            warn("Initialization of backend ".concat(backendName, " failed"));
            warn(err.stack || err.message);
            return { success: false, asyncInit: false };
          }
        };
        Engine2.prototype.removeBackend = function(backendName) {
          if (!(backendName in this.registryFactory)) {
            throw new Error("".concat(backendName, " backend not found in registry"));
          }
          if (this.backendName === backendName && this.pendingBackendInit != null) {
            this.pendingBackendInitId++;
          }
          if (backendName in this.registry) {
            this.disposeRegisteredKernels(backendName);
            this.registry[backendName].dispose();
            delete this.registry[backendName];
          }
          delete this.registryFactory[backendName];
          if (this.backendName === backendName) {
            this.pendingBackendInit = null;
            this.backendName = null;
            this.backendInstance = null;
          }
        };
        Engine2.prototype.getSortedBackends = function() {
          var _this = this;
          if (Object.keys(this.registryFactory).length === 0) {
            throw new Error("No backend found in registry.");
          }
          return Object.keys(this.registryFactory).sort(function(a, b) {
            return _this.registryFactory[b].priority - _this.registryFactory[a].priority;
          });
        };
        Engine2.prototype.initializeBackendsAndReturnBest = function() {
          var sortedBackends = this.getSortedBackends();
          for (var i = 0; i < sortedBackends.length; i++) {
            var backendName = sortedBackends[i];
            var _a2 = this.initializeBackend(backendName), success = _a2.success, asyncInit = _a2.asyncInit;
            if (asyncInit || success) {
              return { name: backendName, asyncInit };
            }
          }
          throw new Error("Could not initialize any backends, all backend initializations failed.");
        };
        Engine2.prototype.moveData = function(backend, dataId) {
          var info = this.state.tensorInfo.get(dataId);
          var srcBackend = info.backend;
          var values = this.readSync(dataId);
          var refCount = srcBackend.refCount(dataId);
          srcBackend.disposeData(dataId, true);
          info.backend = backend;
          backend.move(dataId, values, info.shape, info.dtype, refCount);
          if (this.shouldCheckForMemLeaks()) {
            this.state.numDataMovesStack[this.state.numDataMovesStack.length - 1]++;
          }
        };
        Engine2.prototype.tidy = function(nameOrFn, fn) {
          var _this = this;
          var name = null;
          if (fn == null) {
            if (typeof nameOrFn !== "function") {
              throw new Error("Please provide a function to tidy()");
            }
            fn = nameOrFn;
          } else {
            if (typeof nameOrFn !== "string" && !(nameOrFn instanceof String)) {
              throw new Error("When calling with two arguments, the first argument to tidy() must be a string");
            }
            if (typeof fn !== "function") {
              throw new Error("When calling with two arguments, the 2nd argument to tidy() must be a function");
            }
            name = nameOrFn;
          }
          var result;
          return this.scopedRun(function() {
            return _this.startScope(name);
          }, function() {
            return _this.endScope(result);
          }, function() {
            result = fn();
            if (result instanceof Promise) {
              console.error("Cannot return a Promise inside of tidy.");
            }
            return result;
          });
        };
        Engine2.prototype.scopedRun = function(start, end, f) {
          start();
          try {
            var res = f();
            end();
            return res;
          } catch (ex) {
            end();
            throw ex;
          }
        };
        Engine2.prototype.nextTensorId = function() {
          return Engine2.nextTensorId++;
        };
        Engine2.prototype.nextVariableId = function() {
          return Engine2.nextVariableId++;
        };
        Engine2.prototype.clone = function(x) {
          var y = ENGINE.runKernel(Identity, { x });
          var inputs = { x };
          var grad = function(dy) {
            return {
              x: function() {
                var dtype = "float32";
                var gradInputs = { x: dy };
                var attrs = { dtype };
                return ENGINE.runKernel(
                  Cast,
                  gradInputs,
                  // tslint:disable-next-line: no-unnecessary-type-assertion
                  attrs
                );
              }
            };
          };
          var saved = [];
          this.addTapeNode(this.state.activeScope.name, inputs, [y], grad, saved, {});
          return y;
        };
        Engine2.prototype.runKernel = function(kernelName, inputs, attrs) {
          if (this.backendName == null) {
            this.backend;
          }
          var hasKernel = getKernel(kernelName, this.backendName) != null;
          if (!hasKernel) {
            throw new Error("Kernel '".concat(kernelName, "' not registered for backend '").concat(this.backendName, "'"));
          }
          return this.runKernelFunc({ kernelName, inputs, attrs });
        };
        Engine2.prototype.shouldCheckForMemLeaks = function() {
          return this.ENV.getBool("IS_TEST");
        };
        Engine2.prototype.checkKernelForMemLeak = function(kernelName, numDataIdsBefore, outInfos) {
          var numDataIdsAfter = this.backend.numDataIds();
          var numOutputDataIds = 0;
          outInfos.forEach(function(info) {
            numOutputDataIds += info.dtype === "complex64" ? 3 : 1;
          });
          var numMoves = this.state.numDataMovesStack[this.state.numDataMovesStack.length - 1];
          var dataIdsLeaked = numDataIdsAfter - numDataIdsBefore - numOutputDataIds - numMoves;
          if (dataIdsLeaked > 0) {
            throw new Error("Backend '".concat(this.backendName, "' has an internal memory leak ") + "(".concat(dataIdsLeaked, " data ids) after running '").concat(kernelName, "'"));
          }
        };
        Engine2.prototype.runKernelFunc = function(kernelParams) {
          var _this = this;
          var outputs;
          var saved = [];
          var isTapeOn = this.isTapeOn();
          var startingBytecount = this.state.numBytes;
          var startingNumTensors = this.state.numTensors;
          if (this.shouldCheckForMemLeaks()) {
            this.state.numDataMovesStack.push(0);
          }
          var kernelFunc;
          if (this.backendName == null) {
            this.backend;
          }
          var out;
          var kernelOrScopeName = isRegisteredKernelInvocation(kernelParams) ? kernelParams.kernelName : this.state.activeScope != null ? this.state.activeScope.name : "";
          if (isRegisteredKernelInvocation(kernelParams)) {
            var kernelName_1 = kernelParams.kernelName, inputs_1 = kernelParams.inputs, attrs_1 = kernelParams.attrs;
            if (this.backendName == null) {
              this.backend;
            }
            var kernel_1 = getKernel(kernelName_1, this.backendName);
            assert(kernel_1 != null, function() {
              return "Cannot find registered kernel '".concat(kernelName_1, "' for backend '").concat(_this.backendName, "'");
            });
            kernelFunc = function() {
              var numDataIdsBefore = _this.backend.numDataIds();
              out = kernel_1.kernelFunc({ inputs: inputs_1, attrs: attrs_1, backend: _this.backend });
              var outInfos = Array.isArray(out) ? out : [out];
              if (_this.shouldCheckForMemLeaks()) {
                _this.checkKernelForMemLeak(kernelName_1, numDataIdsBefore, outInfos);
              }
              var outTensors = outInfos.map(function(outInfo) {
                if (outInfo.rank != null) {
                  return outInfo;
                }
                return _this.makeTensorFromTensorInfo(outInfo);
              });
              if (isTapeOn) {
                var tensorsToSave = _this.getTensorsForGradient(kernelName_1, inputs_1, outTensors);
                saved = _this.saveTensorsForBackwardMode(tensorsToSave);
              }
              return outTensors;
            };
          } else {
            var forwardFunc_1 = kernelParams.forwardFunc;
            var saveFunc_1 = function(tensors) {
              if (!isTapeOn) {
                return;
              }
              saved = tensors.map(function(tensor) {
                return _this.keep(_this.clone(tensor));
              });
            };
            kernelFunc = function() {
              var numDataIdsBefore = _this.backend.numDataIds();
              out = _this.tidy(function() {
                return forwardFunc_1(_this.backend, saveFunc_1);
              });
              var outs = Array.isArray(out) ? out : [out];
              if (_this.shouldCheckForMemLeaks()) {
                _this.checkKernelForMemLeak(kernelOrScopeName, numDataIdsBefore, outs);
              }
              return outs;
            };
          }
          var inputs = kernelParams.inputs, attrs = kernelParams.attrs;
          var backwardsFunc = isRegisteredKernelInvocation(kernelParams) ? null : kernelParams.backwardsFunc;
          var kernelProfile;
          this.scopedRun(
            // Stop recording to a tape when running a kernel.
            function() {
              return _this.state.kernelDepth++;
            },
            function() {
              return _this.state.kernelDepth--;
            },
            function() {
              if (!_this.ENV.getBool("DEBUG") && !_this.state.profiling) {
                outputs = kernelFunc();
              } else {
                kernelProfile = _this.profiler.profileKernel(kernelOrScopeName, inputs, function() {
                  return kernelFunc();
                });
                if (_this.ENV.getBool("DEBUG")) {
                  _this.profiler.logKernelProfile(kernelProfile);
                }
                outputs = kernelProfile.outputs;
              }
            }
          );
          if (isTapeOn) {
            this.addTapeNode(kernelOrScopeName, inputs, outputs, backwardsFunc, saved, attrs);
          }
          if (this.state.profiling) {
            this.state.activeProfile.kernels.push({
              name: kernelOrScopeName,
              bytesAdded: this.state.numBytes - startingBytecount,
              totalBytesSnapshot: this.state.numBytes,
              tensorsAdded: this.state.numTensors - startingNumTensors,
              totalTensorsSnapshot: this.state.numTensors,
              inputShapes: Object.keys(inputs).map(function(key) {
                return inputs[key] != null ? inputs[key].shape : null;
              }),
              outputShapes: outputs.map(function(item) {
                return item.shape;
              }),
              kernelTimeMs: kernelProfile.timeMs,
              extraInfo: kernelProfile.extraInfo
            });
          }
          return Array.isArray(out) ? outputs : outputs[0];
        };
        Engine2.prototype.saveTensorsForBackwardMode = function(tensors) {
          var _this = this;
          var saved = tensors.map(function(tensor) {
            return _this.keep(_this.clone(tensor));
          });
          return saved;
        };
        Engine2.prototype.getTensorsForGradient = function(kernelName, inputs, outputs) {
          var gradConfig = getGradient(kernelName);
          if (gradConfig != null) {
            var inputsToSave = gradConfig.inputsToSave || [];
            var outputsToSave_1 = gradConfig.outputsToSave || [];
            var inputTensorsToSave = void 0;
            if (gradConfig.saveAllInputs) {
              assert(Array.isArray(inputs), function() {
                return "saveAllInputs is true, expected inputs to be an array.";
              });
              inputTensorsToSave = Object.keys(inputs).map(function(key) {
                return inputs[key];
              });
            } else {
              inputTensorsToSave = inputsToSave.map(function(inputName) {
                return inputs[inputName];
              });
            }
            var outputTensorsToSave = outputs.filter(function(_, i) {
              return outputsToSave_1[i];
            });
            return inputTensorsToSave.concat(outputTensorsToSave);
          }
          return [];
        };
        Engine2.prototype.makeTensor = function(values, shape, dtype, backend) {
          if (values == null) {
            throw new Error("Values passed to engine.makeTensor() are null");
          }
          dtype = dtype || "float32";
          backend = backend || this.backend;
          var backendVals = values;
          if (dtype === "string" && isString(values[0])) {
            backendVals = values.map(function(d) {
              return encodeString(d);
            });
          }
          var dataId = backend.write(backendVals, shape, dtype);
          var t = new Tensor(shape, dtype, dataId, this.nextTensorId());
          this.trackTensor(t, backend);
          if (dtype === "string") {
            var info = this.state.tensorInfo.get(dataId);
            var newBytes = bytesFromStringArray(backendVals);
            this.state.numBytes += newBytes - info.bytes;
            info.bytes = newBytes;
          }
          return t;
        };
        Engine2.prototype.makeTensorFromDataId = function(dataId, shape, dtype, backend) {
          dtype = dtype || "float32";
          var tensorInfo = { dataId, shape, dtype };
          return this.makeTensorFromTensorInfo(tensorInfo, backend);
        };
        Engine2.prototype.makeTensorFromTensorInfo = function(tensorInfo, backend) {
          var dataId = tensorInfo.dataId, shape = tensorInfo.shape, dtype = tensorInfo.dtype;
          var t = new Tensor(shape, dtype, dataId, this.nextTensorId());
          this.trackTensor(t, backend);
          return t;
        };
        Engine2.prototype.makeVariable = function(initialValue, trainable, name, dtype) {
          if (trainable === void 0) {
            trainable = true;
          }
          name = name || this.nextVariableId().toString();
          if (dtype != null && dtype !== initialValue.dtype) {
            initialValue = initialValue.cast(dtype);
          }
          var v = new Variable(initialValue, trainable, name, this.nextTensorId());
          if (this.state.registeredVariables[v.name] != null) {
            throw new Error("Variable with name ".concat(v.name, " was already registered"));
          }
          this.state.registeredVariables[v.name] = v;
          this.incRef(v, this.backend);
          return v;
        };
        Engine2.prototype.trackTensor = function(a, backend) {
          this.state.numTensors++;
          if (a.dtype === "string") {
            this.state.numStringTensors++;
          }
          var bytes = 0;
          if (a.dtype !== "complex64" && a.dtype !== "string") {
            bytes = a.size * bytesPerElement(a.dtype);
          }
          this.state.numBytes += bytes;
          if (!this.state.tensorInfo.has(a.dataId)) {
            this.state.numDataBuffers++;
            this.state.tensorInfo.set(a.dataId, {
              backend: backend || this.backend,
              dtype: a.dtype,
              shape: a.shape,
              bytes
            });
          }
          if (!(a instanceof Variable)) {
            this.track(a);
          }
        };
        Engine2.prototype.incRef = function(a, backend) {
          this.trackTensor(a, backend);
          this.backend.incRef(a.dataId);
        };
        Engine2.prototype.removeDataId = function(dataId, backend) {
          if (this.state.tensorInfo.has(dataId) && this.state.tensorInfo.get(dataId).backend === backend) {
            this.state.tensorInfo.delete(dataId);
            this.state.numDataBuffers--;
          }
        };
        Engine2.prototype.disposeTensor = function(a) {
          if (!this.state.tensorInfo.has(a.dataId)) {
            return;
          }
          var info = this.state.tensorInfo.get(a.dataId);
          this.state.numTensors--;
          if (a.dtype === "string") {
            this.state.numStringTensors--;
            this.state.numBytes -= info.bytes;
          }
          if (a.dtype !== "complex64" && a.dtype !== "string") {
            var bytes = a.size * bytesPerElement(a.dtype);
            this.state.numBytes -= bytes;
          }
          if (info.backend.disposeData(a.dataId)) {
            this.removeDataId(a.dataId, info.backend);
          }
        };
        Engine2.prototype.disposeVariables = function() {
          for (var varName in this.state.registeredVariables) {
            var v = this.state.registeredVariables[varName];
            this.disposeVariable(v);
          }
        };
        Engine2.prototype.disposeVariable = function(v) {
          this.disposeTensor(v);
          if (this.state.registeredVariables[v.name] != null) {
            delete this.state.registeredVariables[v.name];
          }
        };
        Engine2.prototype.memory = function() {
          var info = this.backend.memory();
          info.numTensors = this.state.numTensors;
          info.numDataBuffers = this.state.numDataBuffers;
          info.numBytes = this.state.numBytes;
          if (this.state.numStringTensors > 0) {
            info.unreliable = true;
            if (info.reasons == null) {
              info.reasons = [];
            }
            info.reasons.push("Memory usage by string tensors is approximate (2 bytes per character)");
          }
          return info;
        };
        Engine2.prototype.profile = function(query) {
          return __awaiter(this, void 0, void 0, function() {
            var startBytes, startNumTensors, _a2, _b, _c, kernel, _d, _e, e_1_1;
            var e_12, _f;
            return __generator(this, function(_g) {
              switch (_g.label) {
                case 0:
                  this.state.profiling = true;
                  startBytes = this.state.numBytes;
                  startNumTensors = this.state.numTensors;
                  this.state.activeProfile.kernels = [];
                  _a2 = this.state.activeProfile;
                  return [4, query()];
                case 1:
                  _a2.result = _g.sent();
                  this.state.profiling = false;
                  this.state.activeProfile.peakBytes = Math.max.apply(Math, __spreadArray([], __read(this.state.activeProfile.kernels.map(function(d) {
                    return d.totalBytesSnapshot;
                  })), false));
                  this.state.activeProfile.newBytes = this.state.numBytes - startBytes;
                  this.state.activeProfile.newTensors = this.state.numTensors - startNumTensors;
                  _g.label = 2;
                case 2:
                  _g.trys.push([2, 8, 9, 10]);
                  _b = __values(this.state.activeProfile.kernels), _c = _b.next();
                  _g.label = 3;
                case 3:
                  if (!!_c.done) return [3, 7];
                  kernel = _c.value;
                  _d = kernel;
                  return [4, kernel.kernelTimeMs];
                case 4:
                  _d.kernelTimeMs = _g.sent();
                  _e = kernel;
                  return [4, kernel.extraInfo];
                case 5:
                  _e.extraInfo = _g.sent();
                  _g.label = 6;
                case 6:
                  _c = _b.next();
                  return [3, 3];
                case 7:
                  return [3, 10];
                case 8:
                  e_1_1 = _g.sent();
                  e_12 = { error: e_1_1 };
                  return [3, 10];
                case 9:
                  try {
                    if (_c && !_c.done && (_f = _b.return)) _f.call(_b);
                  } finally {
                    if (e_12) throw e_12.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 10:
                  return [2, this.state.activeProfile];
              }
            });
          });
        };
        Engine2.prototype.isTapeOn = function() {
          return this.state.gradientDepth > 0 && this.state.kernelDepth === 0;
        };
        Engine2.prototype.addTapeNode = function(kernelName, inputs, outputs, gradientsFunc, saved, attrs) {
          var _this = this;
          var tapeNode = { id: this.state.nextTapeNodeId++, kernelName, inputs, outputs, saved };
          var gradConfig = getGradient(kernelName);
          if (gradConfig != null) {
            gradientsFunc = gradConfig.gradFunc;
          }
          if (gradientsFunc != null) {
            tapeNode.gradient = function(dys) {
              dys = dys.map(function(dy, i) {
                if (dy == null) {
                  var output = outputs[i];
                  var vals = makeZerosTypedArray(output.size, output.dtype);
                  return _this.makeTensor(vals, output.shape, output.dtype);
                }
                return dy;
              });
              return gradientsFunc(dys.length > 1 ? dys : dys[0], saved, attrs);
            };
          }
          this.state.activeTape.push(tapeNode);
        };
        Engine2.prototype.keep = function(result) {
          result.kept = true;
          return result;
        };
        Engine2.prototype.startTape = function() {
          if (this.state.gradientDepth === 0) {
            this.state.activeTape = [];
          }
          this.state.gradientDepth++;
        };
        Engine2.prototype.endTape = function() {
          this.state.gradientDepth--;
        };
        Engine2.prototype.startScope = function(name) {
          var scopeInfo = {
            track: [],
            name: "unnamed scope",
            id: this.state.nextScopeId++
          };
          if (name) {
            scopeInfo.name = name;
          }
          this.state.scopeStack.push(scopeInfo);
          this.state.activeScope = scopeInfo;
        };
        Engine2.prototype.endScope = function(result) {
          var _this = this;
          var tensorsToTrackInParent = getTensorsInContainer(result);
          var tensorsToTrackInParentSet = new Set(tensorsToTrackInParent.map(function(t) {
            return t.id;
          }));
          for (var i = 0; i < this.state.activeScope.track.length; i++) {
            var tensor = this.state.activeScope.track[i];
            if (!tensor.kept && !tensorsToTrackInParentSet.has(tensor.id)) {
              tensor.dispose();
            }
          }
          var oldScope = this.state.scopeStack.pop();
          this.state.activeScope = this.state.scopeStack.length === 0 ? null : this.state.scopeStack[this.state.scopeStack.length - 1];
          tensorsToTrackInParent.forEach(function(tensor2) {
            if (!tensor2.kept && tensor2.scopeId === oldScope.id) {
              _this.track(tensor2);
            }
          });
        };
        Engine2.prototype.gradients = function(f, xs, dy, allowNoGradients) {
          var _this = this;
          if (allowNoGradients === void 0) {
            allowNoGradients = false;
          }
          assert(xs.length > 0, function() {
            return "gradients() received an empty list of xs.";
          });
          if (dy != null && dy.dtype !== "float32") {
            throw new Error("dy must have 'float32' dtype, but has '".concat(dy.dtype, "'"));
          }
          var y = this.scopedRun(function() {
            return _this.startTape();
          }, function() {
            return _this.endTape();
          }, function() {
            return _this.tidy("forward", f);
          });
          assert(y instanceof Tensor, function() {
            return "The result y returned by f() must be a tensor.";
          });
          var filteredTape = getFilteredNodesXToY(this.state.activeTape, xs, y);
          if (!allowNoGradients && filteredTape.length === 0 && xs.length > 0) {
            throw new Error("Cannot compute gradient of y=f(x) with respect to x. Make sure that the f you passed encloses all operations that lead from x to y.");
          }
          return this.tidy("backward", function() {
            var accumulatedGradientMap = {};
            accumulatedGradientMap[y.id] = dy == null ? ones$2(y.shape) : dy;
            backpropagateGradients(
              accumulatedGradientMap,
              filteredTape,
              // Pass the tidy function to avoid circular dep with `tape.ts`.
              function(f2) {
                return _this.tidy(f2);
              },
              // Pass an add function to avoide a circular dep with `tape.ts`.
              add$2
            );
            var grads = xs.map(function(x) {
              return accumulatedGradientMap[x.id];
            });
            if (_this.state.gradientDepth === 0) {
              _this.state.activeTape.forEach(function(node) {
                var e_2, _a2;
                try {
                  for (var _b = __values(node.saved), _c = _b.next(); !_c.done; _c = _b.next()) {
                    var tensor = _c.value;
                    tensor.dispose();
                  }
                } catch (e_2_1) {
                  e_2 = { error: e_2_1 };
                } finally {
                  try {
                    if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
                  } finally {
                    if (e_2) throw e_2.error;
                  }
                }
              });
              _this.state.activeTape = null;
            }
            return { value: y, grads };
          });
        };
        Engine2.prototype.customGrad = function(f) {
          var _this = this;
          assert(isFunction(f), function() {
            return "The f passed in customGrad(f) must be a function.";
          });
          return function() {
            var inputs = [];
            for (var _i = 0; _i < arguments.length; _i++) {
              inputs[_i] = arguments[_i];
            }
            assert(inputs.every(function(t) {
              return t instanceof Tensor;
            }), function() {
              return "The args passed in customGrad(f)(x1, x2,...) must all be tensors";
            });
            var res;
            var inputMap = {};
            inputs.forEach(function(input2, i) {
              inputMap[i] = input2;
            });
            var forwardFunc = function(_, save) {
              res = f.apply(void 0, __spreadArray([], __read(__spreadArray(__spreadArray([], __read(inputs), false), [save], false)), false));
              assert(res.value instanceof Tensor, function() {
                return "The function f passed in customGrad(f) must return an object where `obj.value` is a tensor";
              });
              assert(isFunction(res.gradFunc), function() {
                return "The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function.";
              });
              return res.value;
            };
            var backwardsFunc = function(dy, saved) {
              var gradRes = res.gradFunc(dy, saved);
              var grads = Array.isArray(gradRes) ? gradRes : [gradRes];
              assert(grads.length === inputs.length, function() {
                return "The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function that returns the same number of tensors as inputs passed to f(...).";
              });
              assert(grads.every(function(t) {
                return t instanceof Tensor;
              }), function() {
                return "The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function that returns a list of only tensors.";
              });
              var gradMap = {};
              grads.forEach(function(grad, i) {
                gradMap[i] = function() {
                  return grad;
                };
              });
              return gradMap;
            };
            return _this.runKernelFunc({
              forwardFunc,
              backwardsFunc,
              inputs: inputMap
            });
          };
        };
        Engine2.prototype.readSync = function(dataId) {
          var info = this.state.tensorInfo.get(dataId);
          return info.backend.readSync(dataId);
        };
        Engine2.prototype.read = function(dataId) {
          var info = this.state.tensorInfo.get(dataId);
          return info.backend.read(dataId);
        };
        Engine2.prototype.readToGPU = function(dataId, options) {
          var info = this.state.tensorInfo.get(dataId);
          return info.backend.readToGPU(dataId, options);
        };
        Engine2.prototype.time = function(query) {
          return __awaiter(this, void 0, void 0, function() {
            var start, timingInfo;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  start = now();
                  return [4, this.backend.time(query)];
                case 1:
                  timingInfo = _a2.sent();
                  timingInfo.wallMs = now() - start;
                  return [2, timingInfo];
              }
            });
          });
        };
        Engine2.prototype.track = function(result) {
          if (this.state.activeScope != null) {
            result.scopeId = this.state.activeScope.id;
            this.state.activeScope.track.push(result);
          }
          return result;
        };
        Object.defineProperty(Engine2.prototype, "registeredVariables", {
          get: function() {
            return this.state.registeredVariables;
          },
          enumerable: false,
          configurable: true
        });
        Engine2.prototype.reset = function() {
          this.pendingBackendInitId++;
          this.state.dispose();
          this.ENV.reset();
          this.state = new EngineState();
          for (var backendName in this.registry) {
            this.disposeRegisteredKernels(backendName);
            this.registry[backendName].dispose();
            delete this.registry[backendName];
          }
          this.backendName = null;
          this.backendInstance = null;
          this.pendingBackendInit = null;
        };
        return Engine2;
      })()
    );
    Engine.nextTensorId = 0;
    Engine.nextVariableId = 0;
    function ones$2(shape) {
      var values = makeOnesTypedArray(sizeFromShape(shape), "float32");
      return ENGINE.makeTensor(values, shape, "float32");
    }
    function getOrMakeEngine() {
      var ns = getGlobalNamespace();
      if (ns._tfengine == null) {
        var environment = new Environment(ns);
        ns._tfengine = new Engine(environment);
      }
      setEnvironmentGlobal(ns._tfengine.ENV);
      setTensorTracker(function() {
        return ns._tfengine;
      });
      return ns._tfengine;
    }
    var ENGINE = getOrMakeEngine();
    function add$2(a, b) {
      var inputs = { a, b };
      return ENGINE.runKernel(Add$1, inputs);
    }
    function inferShape(val, dtype) {
      var firstElem = val;
      if (isTypedArray(val)) {
        return dtype === "string" ? [] : [val.length];
      }
      if (isWebGLData(val)) {
        var usedChannels = val.channels || "RGBA";
        return [val.height, val.width * usedChannels.length];
      } else if (isWebGPUData(val)) {
        return [val.buffer.size / (dtype == null ? 4 : bytesPerElement(dtype))];
      }
      if (!Array.isArray(val)) {
        return [];
      }
      var shape = [];
      while (Array.isArray(firstElem) || isTypedArray(firstElem) && dtype !== "string") {
        shape.push(firstElem.length);
        firstElem = firstElem[0];
      }
      if (Array.isArray(val) && env().getBool("TENSORLIKE_CHECK_SHAPE_CONSISTENCY")) {
        deepAssertShapeConsistency(val, shape, []);
      }
      return shape;
    }
    function deepAssertShapeConsistency(val, shape, indices) {
      indices = indices || [];
      if (!Array.isArray(val) && !isTypedArray(val)) {
        assert(shape.length === 0, function() {
          return "Element arr[".concat(indices.join("]["), "] is a primitive, ") + "but should be an array/TypedArray of ".concat(shape[0], " elements");
        });
        return;
      }
      assert(shape.length > 0, function() {
        return "Element arr[".concat(indices.join("]["), "] should be a primitive, ") + "but is an array of ".concat(val.length, " elements");
      });
      assert(val.length === shape[0], function() {
        return "Element arr[".concat(indices.join("]["), "] should have ").concat(shape[0], " ") + "elements, but has ".concat(val.length, " elements");
      });
      var subShape = shape.slice(1);
      for (var i = 0; i < val.length; ++i) {
        deepAssertShapeConsistency(val[i], subShape, indices.concat(i));
      }
    }
    function assertDtype(expectedDtype, actualDType, argName, functionName) {
      if (expectedDtype === "string_or_numeric") {
        return;
      }
      if (expectedDtype == null) {
        throw new Error("Expected dtype cannot be null.");
      }
      if (expectedDtype !== "numeric" && expectedDtype !== actualDType || expectedDtype === "numeric" && actualDType === "string") {
        throw new Error("Argument '".concat(argName, "' passed to '").concat(functionName, "' must ") + "be ".concat(expectedDtype, " tensor, but got ").concat(actualDType, " tensor"));
      }
    }
    function convertToTensor(x, argName, functionName, parseAsDtype) {
      if (parseAsDtype === void 0) {
        parseAsDtype = "numeric";
      }
      if (x instanceof getGlobalTensorClass()) {
        assertDtype(parseAsDtype, x.dtype, argName, functionName);
        return x;
      }
      var inferredDtype = inferDtype(x);
      if (inferredDtype !== "string" && ["bool", "int32", "float32"].indexOf(parseAsDtype) >= 0) {
        inferredDtype = parseAsDtype;
      }
      assertDtype(parseAsDtype, inferredDtype, argName, functionName);
      if (x == null || !isTypedArray(x) && !Array.isArray(x) && typeof x !== "number" && typeof x !== "boolean" && typeof x !== "string") {
        var type = x == null ? "null" : x.constructor.name;
        throw new Error("Argument '".concat(argName, "' passed to '").concat(functionName, "' must be a ") + "Tensor or TensorLike, but got '".concat(type, "'"));
      }
      var inferredShape = inferShape(x, inferredDtype);
      if (!isTypedArray(x) && !Array.isArray(x)) {
        x = [x];
      }
      var skipTypedArray = true;
      var values = inferredDtype !== "string" ? toTypedArray(x, inferredDtype) : flatten$1(x, [], skipTypedArray);
      return ENGINE.makeTensor(values, inferredShape, inferredDtype);
    }
    function convertToTensorArray(arg, argName, functionName, parseAsDtype) {
      if (parseAsDtype === void 0) {
        parseAsDtype = "numeric";
      }
      if (!Array.isArray(arg)) {
        throw new Error("Argument ".concat(argName, " passed to ").concat(functionName, " must be a ") + "`Tensor[]` or `TensorLike[]`");
      }
      var tensors = arg;
      return tensors.map(function(t, i) {
        return convertToTensor(t, "".concat(argName, "[").concat(i, "]"), functionName, parseAsDtype);
      });
    }
    var OP_SCOPE_SUFFIX = "__op";
    function op(f) {
      var keys = Object.keys(f);
      if (keys.length !== 1) {
        throw new Error("Please provide an object with a single key (operation name) mapping to a function. Got an object with " + "".concat(keys.length, " keys."));
      }
      var opName = keys[0];
      var fn = f[opName];
      if (opName.endsWith("_")) {
        opName = opName.substring(0, opName.length - 1);
      }
      opName = opName + OP_SCOPE_SUFFIX;
      var f2 = function() {
        var args = [];
        for (var _i = 0; _i < arguments.length; _i++) {
          args[_i] = arguments[_i];
        }
        ENGINE.startScope(opName);
        try {
          var result = fn.apply(void 0, __spreadArray([], __read(args), false));
          if (isPromise(result)) {
            console.error("Cannot return a Promise inside of tidy.");
          }
          ENGINE.endScope(result);
          return result;
        } catch (ex) {
          ENGINE.endScope(null);
          throw ex;
        }
      };
      Object.defineProperty(f2, "name", { value: opName, configurable: true });
      return f2;
    }
    function cast_(x, dtype) {
      var $x = convertToTensor(x, "x", "cast");
      if (!isValidDtype(dtype)) {
        throw new Error("Failed to cast to unknown dtype ".concat(dtype));
      }
      if (dtype === "string" && $x.dtype !== "string" || dtype !== "string" && $x.dtype === "string") {
        throw new Error("Only strings can be casted to strings");
      }
      var inputs = { x: $x };
      var attrs = { dtype };
      return ENGINE.runKernel(Cast, inputs, attrs);
    }
    var cast = /* @__PURE__ */ op({ cast_ });
    function mul_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "mul");
      var $b = convertToTensor(b, "b", "mul");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Multiply$1, inputs);
    }
    var mul = /* @__PURE__ */ op({ mul_ });
    function step_(x, alpha) {
      if (alpha === void 0) {
        alpha = 0;
      }
      var $x = convertToTensor(x, "x", "step");
      var inputs = { x: $x };
      var attrs = { alpha };
      return ENGINE.runKernel(Step, inputs, attrs);
    }
    var step = /* @__PURE__ */ op({ step_ });
    var absGradConfig = {
      kernelName: Abs,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(dy, step(cast(x, "float32"), -1));
        } };
      }
    };
    function floorDiv_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "floorDiv");
      var $b = convertToTensor(b, "b", "floorDiv");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(FloorDiv, inputs);
    }
    var floorDiv = /* @__PURE__ */ op({ floorDiv_ });
    function div_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "div");
      var $b = convertToTensor(b, "b", "div");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      if ($a.dtype === "int32" && $b.dtype === "int32") {
        return floorDiv($a, $b);
      }
      var inputs = { a: $a, b: $b };
      var attrs = {};
      return ENGINE.runKernel(RealDiv, inputs, attrs);
    }
    var div = /* @__PURE__ */ op({ div_ });
    function neg_(x) {
      var $x = convertToTensor(x, "x", "neg");
      var inputs = { x: $x };
      return ENGINE.runKernel(Neg, inputs);
    }
    var neg = /* @__PURE__ */ op({ neg_ });
    function makeTensor(values, shape, inferredShape, dtype) {
      if (dtype == null) {
        dtype = inferDtype(values);
      } else if (dtype === "complex64") {
        throw new Error("Cannot construct a complex64 tensor directly. Please use tf.complex(real, imag).");
      }
      if (isWebGPUData(values) || isWebGLData(values)) {
        if (dtype !== "float32" && dtype !== "int32") {
          throw new Error("Creating tensor from GPU data only supports " + "'float32'|'int32' dtype, while the dtype is ".concat(dtype, "."));
        }
        return ENGINE.backend.createTensorFromGPUData(values, shape || inferredShape, dtype);
      }
      if (!isTypedArray(values) && !Array.isArray(values) && typeof values !== "number" && typeof values !== "boolean" && typeof values !== "string") {
        throw new Error("values passed to tensor(values) must be a number/boolean/string or an array of numbers/booleans/strings, or a TypedArray");
      }
      if (shape != null) {
        assertNonNegativeIntegerDimensions(shape);
        var providedSize_1 = sizeFromShape(shape);
        var inferredSize_1 = sizeFromShape(inferredShape);
        assert(providedSize_1 === inferredSize_1, function() {
          return "Based on the provided shape, [".concat(shape, "], the tensor should have ") + "".concat(providedSize_1, " values but has ").concat(inferredSize_1);
        });
        for (var i = 0; i < inferredShape.length; ++i) {
          var inferred = inferredShape[i];
          var flatDimsDontMatch = i === inferredShape.length - 1 ? inferred !== sizeFromShape(shape.slice(i)) : true;
          assert(inferredShape[i] === shape[i] || !flatDimsDontMatch, function() {
            return "Error creating a new Tensor. Inferred shape " + "(".concat(inferredShape, ") does not match the provided ") + "shape (".concat(shape, "). ");
          });
        }
      }
      if (!isTypedArray(values) && !Array.isArray(values)) {
        values = [values];
      }
      shape = shape || inferredShape;
      values = dtype !== "string" ? toTypedArray(values, dtype) : flatten$1(values, [], true);
      return ENGINE.makeTensor(values, shape, dtype);
    }
    function scalar(value, dtype) {
      if ((isTypedArray(value) && dtype !== "string" || Array.isArray(value)) && dtype !== "complex64") {
        throw new Error("Error creating a new Scalar: value must be a primitive (number|boolean|string)");
      }
      if (dtype === "string" && isTypedArray(value) && !(value instanceof Uint8Array)) {
        throw new Error("When making a scalar from encoded string, the value must be `Uint8Array`.");
      }
      var shape = [];
      var inferredShape = [];
      return makeTensor(value, shape, inferredShape, dtype);
    }
    function sqrt_(x) {
      var $x = convertToTensor(x, "x", "sqrt", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Sqrt, inputs);
    }
    var sqrt = /* @__PURE__ */ op({ sqrt_ });
    function square_(x) {
      var $x = convertToTensor(x, "x", "square");
      var attrs = {};
      return ENGINE.runKernel("Square", { x: $x }, attrs);
    }
    var square = /* @__PURE__ */ op({ square_ });
    function sub_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "sub");
      var $b = convertToTensor(b, "b", "sub");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Sub, inputs);
    }
    var sub = /* @__PURE__ */ op({ sub_ });
    var acosGradConfig = {
      kernelName: Acos,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return {
          x: function() {
            var a = square(cast(x, "float32"));
            var b = sqrt(sub(scalar(1), a));
            return neg(div(dy, b));
          }
        };
      }
    };
    var acoshGradConfig = {
      kernelName: Acosh,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return {
          x: function() {
            var a = sqrt(sub(square(cast(x, "float32")), 1));
            return div(dy, a);
          }
        };
      }
    };
    function getReductionAxes(inShape, outShape) {
      var result = [];
      for (var i = 0; i < outShape.length; i++) {
        var inDim = inShape[inShape.length - i - 1];
        var outAxis = outShape.length - i - 1;
        var outDim = outShape[outAxis];
        if (inDim == null || inDim === 1 && outDim > 1) {
          result.unshift(outAxis);
        }
      }
      return result;
    }
    function assertAndGetBroadcastShape(shapeA, shapeB) {
      var l = Math.max(shapeA.length, shapeB.length);
      var result = new Array(l);
      for (var i = 0; i < l; i++) {
        var a = shapeA[shapeA.length - i - 1];
        if (a == null) {
          a = 1;
        }
        var b = shapeB[shapeB.length - i - 1];
        if (b == null) {
          b = 1;
        }
        if (a === 1) {
          result[l - i - 1] = b;
        } else if (b === 1) {
          result[l - i - 1] = a;
        } else if (a !== b) {
          var errMsg = "Operands could not be broadcast together with shapes " + "".concat(shapeA, " and ").concat(shapeB, ".");
          throw Error(errMsg);
        } else {
          result[l - i - 1] = a;
        }
      }
      return result;
    }
    function reshape_(x, shape) {
      var $x = convertToTensor(x, "x", "reshape", "string_or_numeric");
      var inputs = { x: $x };
      var attrs = { shape };
      return ENGINE.runKernel(Reshape$1, inputs, attrs);
    }
    var reshape$1 = /* @__PURE__ */ op({ reshape_ });
    function sum_(x, axis, keepDims) {
      if (axis === void 0) {
        axis = null;
      }
      if (keepDims === void 0) {
        keepDims = false;
      }
      var $x = convertToTensor(x, "x", "sum");
      if ($x.dtype === "bool") {
        $x = cast($x, "int32");
      }
      var inputs = { x: $x };
      var attrs = { axis, keepDims };
      return ENGINE.runKernel(Sum, inputs, attrs);
    }
    var sum = /* @__PURE__ */ op({ sum_ });
    var addGradConfig = {
      kernelName: Add$1,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var res = dy;
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, a.shape);
        };
        var derB = function() {
          var res = dy;
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, b.shape);
        };
        return { a: derA, b: derB };
      }
    };
    var addNGradConfig = {
      kernelName: AddN,
      saveAllInputs: true,
      gradFunc: function(dy, saved) {
        var ders = {};
        saved.forEach(function(_, i) {
          ders[i] = function() {
            return dy.clone();
          };
        });
        return ders;
      }
    };
    function zerosLike_(x) {
      var $x = convertToTensor(x, "x", "zerosLike");
      var inputs = { x: $x };
      return ENGINE.runKernel(ZerosLike, inputs);
    }
    var zerosLike = /* @__PURE__ */ op({ zerosLike_ });
    var argMaxGradConfig = {
      kernelName: ArgMax,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return zerosLike(x);
        } };
      }
    };
    var argMinGradConfig = {
      kernelName: ArgMin,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return zerosLike(x);
        } };
      }
    };
    var asinGradConfig = {
      kernelName: Asin,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, sqrt(sub(scalar(1), square(cast(x, "float32")))));
        } };
      }
    };
    function add_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "add");
      var $b = convertToTensor(b, "b", "add");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Add$1, inputs);
    }
    var add$1 = /* @__PURE__ */ op({ add_ });
    var asinhGradConfig = {
      kernelName: Asinh,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return {
          x: function() {
            var a = sqrt(add$1(scalar(1), square(cast(x, "float32"))));
            return div(dy, a);
          }
        };
      }
    };
    var atan2GradConfig = {
      kernelName: Atan2,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var d = add$1(square(a), square(b));
          var res = mul(dy, div(b, d));
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, a.shape);
        };
        var derB = function() {
          var d = add$1(square(a), square(b));
          var res = neg(mul(dy, div(a, d)));
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, b.shape);
        };
        return { a: derA, b: derB };
      }
    };
    var atanGradConfig = {
      kernelName: Atan,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, add$1(square(cast(x, "float32")), 1));
        } };
      }
    };
    var atanhGradConfig = {
      kernelName: Atanh,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, sub(scalar(1), square(cast(x, "float32"))));
        } };
      }
    };
    function parseTupleParam(param) {
      if (typeof param === "number") {
        return [param, param, param];
      }
      if (param.length === 2) {
        return [param[0], param[1], 1];
      }
      return param;
    }
    function tupleValuesAreOne(param) {
      var _a2 = __read(parseTupleParam(param), 3), dimA = _a2[0], dimB = _a2[1], dimC = _a2[2];
      return dimA === 1 && dimB === 1 && dimC === 1;
    }
    function eitherStridesOrDilationsAreOne(strides, dilations) {
      return tupleValuesAreOne(strides) || tupleValuesAreOne(dilations);
    }
    function stridesOrDilationsArePositive(values) {
      return parseTupleParam(values).every(function(value) {
        return value > 0;
      });
    }
    function checkPadOnDimRoundingMode(opDesc, pad2, dimRoundingMode) {
      if (dimRoundingMode != null) {
        if (typeof pad2 === "string") {
          throw Error("Error in ".concat(opDesc, ": pad must be an integer when using ") + "dimRoundingMode ".concat(dimRoundingMode, " but got pad ").concat(pad2, "."));
        } else if (typeof pad2 === "number") {
          assert(isInt(pad2), function() {
            return "Error in ".concat(opDesc, ": pad must be an integer when using ") + "dimRoundingMode ".concat(dimRoundingMode, " but got pad ").concat(pad2, ".");
          });
        } else if (typeof pad2 === "object") {
          pad2.forEach(function(p) {
            p.forEach(function(v) {
              assert(isInt(v), function() {
                return "Error in ".concat(opDesc, ": pad must be an integer when using ") + "dimRoundingMode ".concat(dimRoundingMode, " but got pad ").concat(v, ".");
              });
            });
          });
        } else {
          throw Error("Error in ".concat(opDesc, ": Unknown padding parameter: ").concat(pad2));
        }
      }
    }
    function avgPool3dGrad_(dy, input2, filterSize, strides, pad2, dimRoundingMode) {
      var $dy = convertToTensor(dy, "dy", "avgPool3dGrad");
      var $input = convertToTensor(input2, "input", "avgPool3dGrad");
      var dy5D = $dy;
      var input5D = $input;
      var reshapedTo5D = false;
      if ($input.rank === 4) {
        reshapedTo5D = true;
        dy5D = reshape$1($dy, [1, $dy.shape[0], $dy.shape[1], $dy.shape[2], $dy.shape[3]]);
        input5D = reshape$1($input, [
          1,
          $input.shape[0],
          $input.shape[1],
          $input.shape[2],
          $input.shape[3]
        ]);
      }
      assert(dy5D.rank === 5, function() {
        return "Error in avgPool3dGrad: dy must be rank 5 but got rank " + "".concat(dy5D.rank, ".");
      });
      assert(input5D.rank === 5, function() {
        return "Error in avgPool3dGrad: input must be rank 5 but got rank " + "".concat(input5D.rank, ".");
      });
      checkPadOnDimRoundingMode("avgPool3dGrad", pad2, dimRoundingMode);
      var inputs = { dy: dy5D, input: input5D };
      var attrs = { filterSize, strides, pad: pad2, dimRoundingMode };
      var res = ENGINE.runKernel(AvgPool3DGrad, inputs, attrs);
      if (reshapedTo5D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3], res.shape[4]]);
      }
      return res;
    }
    var avgPool3dGrad = /* @__PURE__ */ op({ avgPool3dGrad_ });
    var avgPool3DGradConfig = {
      kernelName: AvgPool3D,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var filterSize = attrs.filterSize, strides = attrs.strides, pad2 = attrs.pad, dimRoundingMode = attrs.dimRoundingMode;
        return {
          x: function() {
            return avgPool3dGrad(dy, x, filterSize, strides, pad2, dimRoundingMode);
          }
        };
      }
    };
    function avgPoolGrad_(dy, input2, filterSize, strides, pad2) {
      var $dy = convertToTensor(dy, "dy", "avgPoolGrad");
      var $input = convertToTensor(input2, "input", "avgPoolGrad");
      assert($input.rank === $dy.rank, function() {
        return "Rank of input (".concat($input.rank, ") does not match rank of dy (").concat($dy.rank, ")");
      });
      var input4D = $input;
      var dy4D = $dy;
      var reshapedTo4D = false;
      if ($input.rank === 3) {
        reshapedTo4D = true;
        input4D = reshape$1($input, [1, $input.shape[0], $input.shape[1], $input.shape[2]]);
        dy4D = reshape$1($dy, [1, $dy.shape[0], $dy.shape[1], $dy.shape[2]]);
      }
      assert(dy4D.rank === 4, function() {
        return "Error in avgPoolGrad: dy must be rank 4 but got rank " + "".concat(dy4D.rank, ".");
      });
      assert(input4D.rank === 4, function() {
        return "Error in avgPoolGrad: input must be rank 4 but got rank " + "".concat(input4D.rank, ".");
      });
      var inputs = { dy: dy4D, input: input4D };
      var attrs = { filterSize, strides, pad: pad2 };
      var res = ENGINE.runKernel(AvgPoolGrad, inputs, attrs);
      if (reshapedTo4D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3]]);
      }
      return res;
    }
    var avgPoolGrad = /* @__PURE__ */ op({ avgPoolGrad_ });
    var avgPoolGradConfig = {
      kernelName: AvgPool,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var filterSize = attrs.filterSize, strides = attrs.strides, pad2 = attrs.pad;
        return { x: function() {
          return avgPoolGrad(dy, x, filterSize, strides, pad2);
        } };
      }
    };
    function matMul_(a, b, transposeA, transposeB) {
      var _a2;
      if (transposeA === void 0) {
        transposeA = false;
      }
      if (transposeB === void 0) {
        transposeB = false;
      }
      var $a = convertToTensor(a, "a", "matMul");
      var $b = convertToTensor(b, "b", "matMul");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      var inputs = { a: $a, b: $b };
      var attrs = { transposeA, transposeB };
      return ENGINE.runKernel(BatchMatMul, inputs, attrs);
    }
    var matMul = /* @__PURE__ */ op({ matMul_ });
    var batchMatMulGradConfig = {
      kernelName: BatchMatMul,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var transposeA = attrs.transposeA, transposeB = attrs.transposeB;
        if (!transposeA && !transposeB) {
          return {
            a: function() {
              return matMul(dy, b, false, true);
            },
            b: function() {
              return matMul(a, dy, true, false);
            }
          };
        } else if (!transposeA && transposeB) {
          return {
            a: function() {
              return matMul(dy, b, false, false);
            },
            b: function() {
              return matMul(dy, a, true, false);
            }
          };
        } else if (transposeA && !transposeB) {
          return {
            a: function() {
              return matMul(b, dy, false, true);
            },
            b: function() {
              return matMul(a, dy, false, false);
            }
          };
        } else {
          return {
            a: function() {
              return matMul(b, dy, true, true);
            },
            b: function() {
              return matMul(dy, a, true, true);
            }
          };
        }
      }
    };
    function spaceToBatchND_(x, blockShape, paddings) {
      var $x = convertToTensor(x, "x", "spaceToBatchND");
      assert($x.rank >= 1 + blockShape.length, function() {
        return "input rank ".concat($x.rank, " should be > than [blockShape] ").concat(blockShape.length);
      });
      assert(paddings.length === blockShape.length, function() {
        return "paddings.shape[0] ".concat(paddings.length, " must be equal to [blockShape] ").concat(blockShape.length);
      });
      assert($x.shape.reduce(function(a, b, i) {
        if (i > 0 && i <= blockShape.length) {
          return a && (b + paddings[i - 1][0] + paddings[i - 1][1]) % blockShape[i - 1] === 0;
        }
        return a;
      }, true), function() {
        return "input spatial dimensions ".concat($x.shape.slice(1), " with paddings ").concat(paddings.toString(), " must be divisible by blockShapes ").concat(blockShape.toString());
      });
      var inputs = { x: $x };
      var attrs = { blockShape, paddings };
      return ENGINE.runKernel(SpaceToBatchND, inputs, attrs);
    }
    var spaceToBatchND = /* @__PURE__ */ op({ spaceToBatchND_ });
    var batchToSpaceNDGradConfig = {
      kernelName: BatchToSpaceND,
      gradFunc: function(dy, saved, attrs) {
        var blockShape = attrs.blockShape, crops = attrs.crops;
        return { x: function() {
          return spaceToBatchND(dy, blockShape, crops);
        } };
      }
    };
    var broadcastToGradConfig = {
      kernelName: BroadcastTo,
      gradFunc: function(dy, saved, attrs) {
        var broadCastToAttrs = attrs;
        var inputShape = broadCastToAttrs.inputShape;
        var outputShape = broadCastToAttrs.shape;
        var reps = Array.from(outputShape);
        for (var i = inputShape.length - 1; i >= 0; i--) {
          if (inputShape[i] === outputShape[i]) {
            reps[i] = 1;
          } else if (inputShape[i] !== 1) {
            throw new Error("broadcastTo(): [".concat(inputShape, "] cannot be broadcast to [").concat(outputShape, "]."));
          }
        }
        var axes = [];
        for (var i = 0; i < reps.length; i++) {
          if (reps[i] > 1) {
            axes.push(i);
          }
        }
        return { x: function() {
          return sum(
            dy,
            axes,
            true
            /* keepDims */
          );
        } };
      }
    };
    var castGradConfig = {
      kernelName: Cast,
      gradFunc: function(dy) {
        return { x: function() {
          return dy.clone();
        } };
      }
    };
    var ceilGradConfig = {
      kernelName: Ceil,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    function greaterEqual_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "greaterEqual", "string_or_numeric");
      var $b = convertToTensor(b, "b", "greaterEqual", "string_or_numeric");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(GreaterEqual, inputs);
    }
    var greaterEqual = /* @__PURE__ */ op({ greaterEqual_ });
    function lessEqual_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "lessEqual", "string_or_numeric");
      var $b = convertToTensor(b, "b", "lessEqual", "string_or_numeric");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(LessEqual, inputs);
    }
    var lessEqual = /* @__PURE__ */ op({ lessEqual_ });
    function logicalAnd_(a, b) {
      var $a = convertToTensor(a, "a", "logicalAnd", "bool");
      var $b = convertToTensor(b, "b", "logicalAnd", "bool");
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(LogicalAnd, inputs);
    }
    var logicalAnd = /* @__PURE__ */ op({ logicalAnd_ });
    function clone_(x) {
      var $x = convertToTensor(x, "x", "clone", "string_or_numeric");
      var inputs = { x: $x };
      return ENGINE.runKernel(Identity, inputs);
    }
    var clone = /* @__PURE__ */ op({ clone_ });
    function broadcastTo_(x, shape) {
      var input2 = convertToTensor(x, "broadcastTo", "x");
      var xShape = input2.shape;
      assertNonNegativeIntegerDimensions(shape);
      if (shape.length < input2.rank) {
        throw new Error("broadcastTo(): shape.length=".concat(shape.length, " < input.rank=").concat(input2.rank, "."));
      }
      if (shape.length > input2.rank) {
        var newShape = input2.shape.slice();
        while (newShape.length < shape.length) {
          newShape.unshift(1);
        }
        input2 = reshape$1(input2, newShape);
      }
      var inputShape = input2.shape;
      var reps = Array.from(shape);
      for (var i = shape.length - 1; i >= 0; i--) {
        if (inputShape[i] === shape[i]) {
          reps[i] = 1;
        } else if (input2.shape[i] !== 1) {
          throw new Error("broadcastTo(): [".concat(xShape, "] cannot be broadcast to [").concat(shape, "]."));
        }
      }
      var axes = reps.map(function(n, i2) {
        return n > 1 ? i2 : -1;
      }).filter(function(i2) {
        return i2 >= 0;
      });
      if (axes.length === 0) {
        return clone(input2);
      }
      var inputs = { x: input2 };
      var attrs = { reps };
      return ENGINE.runKernel(Tile, inputs, attrs);
    }
    var broadcastTo = /* @__PURE__ */ op({ broadcastTo_ });
    function where_(condition, a, b) {
      var $a = convertToTensor(a, "a", "where");
      var $b = convertToTensor(b, "b", "where");
      var $condition = convertToTensor(condition, "condition", "where", "bool");
      var broadcastShape = assertAndGetBroadcastShape(assertAndGetBroadcastShape($condition.shape, $a.shape), $b.shape);
      var $broadcastedCondition = broadcastTo($condition, broadcastShape);
      var $broadcastedA = broadcastTo($a, broadcastShape);
      var $broadcastedB = broadcastTo($b, broadcastShape);
      var inputs = {
        condition: $broadcastedCondition,
        t: $broadcastedA,
        e: $broadcastedB
      };
      return ENGINE.runKernel(Select, inputs);
    }
    var where = /* @__PURE__ */ op({ where_ });
    var clipByValueGradConfig = {
      kernelName: ClipByValue,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var clipValueMin = attrs.clipValueMin, clipValueMax = attrs.clipValueMax;
        return {
          x: function() {
            return where(logicalAnd(greaterEqual(x, clipValueMin), lessEqual(x, clipValueMax)), dy, zerosLike(dy));
          }
        };
      }
    };
    var complexAbsGradConfig = {
      kernelName: ComplexAbs,
      inputsToSave: ["x"],
      gradFunc: absGradConfig.gradFunc
    };
    function split_(x, numOrSizeSplits, axis) {
      if (axis === void 0) {
        axis = 0;
      }
      var $x = convertToTensor(x, "x", "split");
      var inputs = { x: $x };
      var attr = { numOrSizeSplits, axis };
      return ENGINE.runKernel(SplitV, inputs, attr);
    }
    var split = /* @__PURE__ */ op({ split_ });
    var concatGradConfig = {
      kernelName: Concat,
      saveAllInputs: true,
      gradFunc: function(dy, saved, attrs) {
        var shapes = saved.map(function(t) {
          return t.shape;
        });
        var axis = attrs.axis;
        var $axis = parseAxisParam(axis, saved[0].shape)[0];
        var sizeSplits = shapes.map(function(s) {
          return s[$axis];
        });
        var derTensors = split(dy, sizeSplits, $axis);
        return derTensors.map(function(t) {
          return function() {
            return t;
          };
        });
      }
    };
    function conv2DBackpropFilter_(x, dy, filterShape, strides, pad2, dataFormat, dimRoundingMode) {
      if (dataFormat === void 0) {
        dataFormat = "NHWC";
      }
      var x4D = x;
      if (x.rank === 3) {
        x4D = reshape$1(x, [1, x.shape[0], x.shape[1], x.shape[2]]);
      }
      var dy4D = dy;
      if (dy4D.rank === 3) {
        dy4D = reshape$1(dy, [1, dy.shape[0], dy.shape[1], dy.shape[2]]);
      }
      assert(x4D.rank === 4, function() {
        return "Error in conv2dDerFilter: input must be rank 4, but got shape " + "".concat(x4D.shape, ".");
      });
      assert(dy4D.rank === 4, function() {
        return "Error in conv2dDerFilter: dy must be rank 4, but got shape " + "".concat(dy4D.shape, ".");
      });
      assert(filterShape.length === 4, function() {
        return "Error in conv2dDerFilter: filterShape must be length 4, but got " + "".concat(filterShape, ".");
      });
      var inDepth = dataFormat === "NHWC" ? x4D.shape[3] : x4D.shape[1];
      var outDepth = dataFormat === "NHWC" ? dy4D.shape[3] : dy4D.shape[1];
      assert(inDepth === filterShape[2], function() {
        return "Error in conv2dDerFilter: depth of input ".concat(inDepth, ") must ") + "match input depth in filter (".concat(filterShape[2], ".");
      });
      assert(outDepth === filterShape[3], function() {
        return "Error in conv2dDerFilter: depth of dy (".concat(outDepth, ") must ") + "match output depth for filter (".concat(filterShape[3], ").");
      });
      checkPadOnDimRoundingMode("conv2dDerFilter", pad2, dimRoundingMode);
      var inputs = { x: x4D, dy: dy4D };
      var attrs = { strides, pad: pad2, dataFormat, dimRoundingMode, filterShape };
      return ENGINE.runKernel(Conv2DBackpropFilter, inputs, attrs);
    }
    var conv2DBackpropFilter = /* @__PURE__ */ op({ conv2DBackpropFilter_ });
    function conv2DBackpropInput_(xShape, dy, filter, strides, pad2, dataFormat, dimRoundingMode) {
      if (dataFormat === void 0) {
        dataFormat = "NHWC";
      }
      assert(xShape.length === dy.rank, function() {
        return "Length of inShape " + "(".concat(xShape.length, ") and rank of dy (").concat(dy.rank, ") must match");
      });
      var xShape4D = xShape;
      var dy4D = dy;
      var reshapedTo4D = false;
      if (dy.rank === 3) {
        reshapedTo4D = true;
        dy4D = reshape$1(dy, [1, dy.shape[0], dy.shape[1], dy.shape[2]]);
        xShape4D = [1, xShape[0], xShape[1], xShape[2]];
      }
      assert(xShape4D.length === 4, function() {
        return "Error in conv2dDerInput: inShape must be length 4, but got length " + "".concat(xShape4D.length, ".");
      });
      assert(dy4D.rank === 4, function() {
        return "Error in conv2dDerInput: dy must be rank 4, but got " + "rank ".concat(dy4D.rank);
      });
      assert(filter.rank === 4, function() {
        return "Error in conv2dDerInput: filter must be rank 4, but got " + "rank ".concat(filter.rank);
      });
      var inDepth = dataFormat === "NHWC" ? xShape4D[3] : xShape4D[1];
      var outDepth = dataFormat === "NHWC" ? dy4D.shape[3] : dy4D.shape[1];
      assert(inDepth === filter.shape[2], function() {
        return "Error in conv2dDerInput: depth of input (".concat(inDepth, ") must ") + "match input depth for filter ".concat(filter.shape[2], ".");
      });
      assert(outDepth === filter.shape[3], function() {
        return "Error in conv2dDerInput: depth of output (".concat(outDepth, ") must ") + "match output depth for filter ".concat(filter.shape[3], ".");
      });
      checkPadOnDimRoundingMode("conv2dDerInput", pad2, dimRoundingMode);
      var inputs = { dy: dy4D, filter };
      var attrs = { strides, pad: pad2, dataFormat, dimRoundingMode, inputShape: xShape4D };
      var res = ENGINE.runKernel(Conv2DBackpropInput, inputs, attrs);
      if (reshapedTo4D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3]]);
      }
      return res;
    }
    var conv2DBackpropInput = /* @__PURE__ */ op({ conv2DBackpropInput_ });
    var conv2DGradConfig = {
      kernelName: Conv2D$1,
      inputsToSave: ["x", "filter"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), x4D = _a2[0], $filter = _a2[1];
        var dilations = attrs.dilations, strides = attrs.strides, pad2 = attrs.pad, dataFormat = attrs.dataFormat;
        assert(tupleValuesAreOne(dilations), function() {
          return "Error in gradient of conv2D: dilation rates greater than 1 " + "are not yet supported in gradients. Got dilations '".concat(dilations, "'");
        });
        return {
          x: function() {
            return conv2DBackpropInput(x4D.shape, dy, $filter, strides, pad2, dataFormat);
          },
          filter: function() {
            return conv2DBackpropFilter(x4D, dy, $filter.shape, strides, pad2, dataFormat);
          }
        };
      }
    };
    function conv2d_(x, filter, strides, pad2, dataFormat, dilations, dimRoundingMode) {
      if (dataFormat === void 0) {
        dataFormat = "NHWC";
      }
      if (dilations === void 0) {
        dilations = [1, 1];
      }
      var $x = convertToTensor(x, "x", "conv2d", "float32");
      var $filter = convertToTensor(filter, "filter", "conv2d", "float32");
      var x4D = $x;
      var reshapedTo4D = false;
      if ($x.rank === 3) {
        reshapedTo4D = true;
        x4D = reshape$1($x, [1, $x.shape[0], $x.shape[1], $x.shape[2]]);
      }
      assert(x4D.rank === 4, function() {
        return "Error in conv2d: input must be rank 4, but got rank ".concat(x4D.rank, ".");
      });
      assert($filter.rank === 4, function() {
        return "Error in conv2d: filter must be rank 4, but got rank " + "".concat($filter.rank, ".");
      });
      checkPadOnDimRoundingMode("conv2d", pad2, dimRoundingMode);
      var inDepth = dataFormat === "NHWC" ? x4D.shape[3] : x4D.shape[1];
      assert(inDepth === $filter.shape[2], function() {
        return "Error in conv2d: depth of input (".concat(inDepth, ") must match ") + "input depth for filter ".concat($filter.shape[2], ".");
      });
      assert(eitherStridesOrDilationsAreOne(strides, dilations), function() {
        return "Error in conv2D: Either strides or dilations must be 1. " + "Got strides ".concat(strides, " and dilations '").concat(dilations, "'");
      });
      assert(stridesOrDilationsArePositive(dilations), function() {
        return "Error in conv2D: Dilated rates should be larger than 0.";
      });
      assert(stridesOrDilationsArePositive(strides), function() {
        return "Error in conv2D: Strides should be larger than 0.";
      });
      var inputs = { x: x4D, filter: $filter };
      var attrs = { strides, pad: pad2, dataFormat, dilations, dimRoundingMode };
      var res = ENGINE.runKernel(Conv2D$1, inputs, attrs);
      if (reshapedTo4D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3]]);
      }
      return res;
    }
    var conv2d$1 = /* @__PURE__ */ op({ conv2d_ });
    var conv2DBackpropInputGradConfig = {
      kernelName: Conv2DBackpropInput,
      inputsToSave: ["dy", "filter"],
      gradFunc: function(ddx, saved, attrs) {
        var _a2 = __read(saved, 2), dy = _a2[0], filter = _a2[1];
        var strides = attrs.strides, pad2 = attrs.pad, dataFormat = attrs.dataFormat, dimRoundingMode = attrs.dimRoundingMode;
        return {
          dy: function() {
            return conv2d$1(ddx, filter, strides, pad2, dataFormat, 1, dimRoundingMode);
          },
          filter: function() {
            return conv2DBackpropFilter(ddx, dy, filter.shape, strides, pad2, dataFormat, dimRoundingMode);
          }
        };
      }
    };
    function conv3DBackpropFilter_(x, dy, filterShape, strides, pad2) {
      var x5D = x;
      if (x.rank === 4) {
        x5D = reshape$1(x, [1, x.shape[0], x.shape[1], x.shape[2], x.shape[3]]);
      }
      var dy5D = dy;
      if (dy5D.rank === 4) {
        dy5D = reshape$1(dy, [1, dy.shape[0], dy.shape[1], dy.shape[2], dy.shape[3]]);
      }
      assert(x5D.rank === 5, function() {
        return "Error in conv3dDerFilter: input must be rank 5, but got shape " + "".concat(x5D.shape, ".");
      });
      assert(dy5D.rank === 5, function() {
        return "Error in conv3dDerFilter: dy must be rank 5, but got shape " + "".concat(dy5D.shape, ".");
      });
      assert(filterShape.length === 5, function() {
        return "Error in conv3dDerFilter: filterShape must be length 5, but got " + "".concat(filterShape, ".");
      });
      assert(x5D.shape[4] === filterShape[3], function() {
        return "Error in conv3dDerFilter: depth of input ".concat(x5D.shape[4], ") must ") + "match input depth in filter (".concat(filterShape[3], ".");
      });
      assert(dy5D.shape[4] === filterShape[4], function() {
        return "Error in conv3dDerFilter: depth of dy (".concat(dy5D.shape[4], ") must ") + "match output depth for filter (".concat(filterShape[4], ").");
      });
      var inputs = { x: x5D, dy: dy5D };
      var attrs = { strides, pad: pad2, filterShape };
      return ENGINE.runKernel(Conv3DBackpropFilterV2, inputs, attrs);
    }
    var conv3DBackpropFilter = /* @__PURE__ */ op({ conv3DBackpropFilter_ });
    function conv3DBackpropInput_(xShape, dy, filter, strides, pad2) {
      assert(xShape.length === dy.rank, function() {
        return "Length of inShape " + "(".concat(xShape.length, ") and rank of dy (").concat(dy.rank, ") must match");
      });
      var xShape5D = xShape;
      var dy5D = dy;
      var reshapedTo5D = false;
      if (dy.rank === 4) {
        reshapedTo5D = true;
        dy5D = reshape$1(dy, [1, dy.shape[0], dy.shape[1], dy.shape[2], dy.shape[3]]);
        xShape5D = [1, xShape[0], xShape[1], xShape[2], xShape[3]];
      }
      var inDepth = xShape5D[4];
      var outDepth = dy5D.shape[4];
      assert(xShape5D.length === 5, function() {
        return "Error in conv3dDerInput: inShape must be length 5, but got length " + "".concat(xShape5D.length, ".");
      });
      assert(dy5D.rank === 5, function() {
        return "Error in conv3dDerInput: dy must be rank 5, but got " + "rank ".concat(dy5D.rank);
      });
      assert(filter.rank === 5, function() {
        return "Error in conv3dDerInput: filter must be rank 5, but got " + "rank ".concat(filter.rank);
      });
      assert(inDepth === filter.shape[3], function() {
        return "Error in conv3dDerInput: depth of input (".concat(inDepth, ") must ") + "match input depth for filter ".concat(filter.shape[3], ".");
      });
      assert(outDepth === filter.shape[4], function() {
        return "Error in conv3dDerInput: depth of output (".concat(outDepth, ") must ") + "match output depth for filter ".concat(filter.shape[4], ".");
      });
      var inputs = { dy: dy5D, filter };
      var attrs = { pad: pad2, strides, inputShape: xShape5D };
      var res = ENGINE.runKernel(Conv3DBackpropInputV2, inputs, attrs);
      if (reshapedTo5D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3], res.shape[4]]);
      }
      return res;
    }
    var conv3DBackpropInput = /* @__PURE__ */ op({ conv3DBackpropInput_ });
    var conv3DGradConfig = {
      kernelName: Conv3D$1,
      inputsToSave: ["x", "filter"],
      gradFunc: function(dy, saved, attrs) {
        var dilations = attrs.dilations, strides = attrs.strides, pad2 = attrs.pad;
        assert(tupleValuesAreOne(dilations), function() {
          return "Error in gradient of conv3D: dilation rates greater than 1 are " + "not yet supported in gradients. Got dilations '".concat(dilations, "'");
        });
        var _a2 = __read(saved, 2), x5D = _a2[0], $filter = _a2[1];
        return {
          x: function() {
            return conv3DBackpropInput(x5D.shape, dy, $filter, strides, pad2);
          },
          filter: function() {
            return conv3DBackpropFilter(x5D, dy, $filter.shape, strides, pad2);
          }
        };
      }
    };
    function sin_(x) {
      var $x = convertToTensor(x, "x", "sin", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Sin, inputs);
    }
    var sin = /* @__PURE__ */ op({ sin_ });
    var cosGradConfig = {
      kernelName: Cos,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(neg(sin(cast(x, "float32"))), dy);
        } };
      }
    };
    function sinh_(x) {
      var $x = convertToTensor(x, "x", "sinh");
      var inputs = { x: $x };
      return ENGINE.runKernel(Sinh, inputs);
    }
    var sinh = /* @__PURE__ */ op({ sinh_ });
    var coshGradConfig = {
      kernelName: Cosh,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(sinh(cast(x, "float32")), dy);
        } };
      }
    };
    function axesAreInnerMostDims(axes, rank) {
      for (var i = 0; i < axes.length; ++i) {
        if (axes[axes.length - i - 1] !== rank - 1 - i) {
          return false;
        }
      }
      return true;
    }
    function combineLocations(outputLoc, reduceLoc, axes) {
      var rank = outputLoc.length + reduceLoc.length;
      var loc = [];
      var outIdx = 0;
      var reduceIdx = 0;
      for (var dim = 0; dim < rank; dim++) {
        if (axes.indexOf(dim) === -1) {
          loc.push(outputLoc[outIdx++]);
        } else {
          loc.push(reduceLoc[reduceIdx++]);
        }
      }
      return loc;
    }
    function computeOutAndReduceShapes(aShape, axes) {
      var outShape = [];
      var rank = aShape.length;
      for (var dim = 0; dim < rank; dim++) {
        if (axes.indexOf(dim) === -1) {
          outShape.push(aShape[dim]);
        }
      }
      var reduceShape = axes.map(function(dim2) {
        return aShape[dim2];
      });
      return [outShape, reduceShape];
    }
    function expandShapeToKeepDim(shape, axes) {
      var reduceSubShape = axes.map(function(x) {
        return 1;
      });
      return combineLocations(shape, reduceSubShape, axes);
    }
    function getAxesPermutation(axes, rank) {
      if (axesAreInnerMostDims(axes, rank)) {
        return null;
      }
      var result = [];
      for (var i = 0; i < rank; ++i) {
        if (axes.indexOf(i) === -1) {
          result.push(i);
        }
      }
      axes.forEach(function(axis) {
        return result.push(axis);
      });
      return result;
    }
    function getUndoAxesPermutation(axes) {
      return axes.map(function(axis, i) {
        return [i, axis];
      }).sort(function(a, b) {
        return a[1] - b[1];
      }).map(function(x) {
        return x[0];
      });
    }
    function cumsum_(x, axis, exclusive, reverse2) {
      if (axis === void 0) {
        axis = 0;
      }
      if (exclusive === void 0) {
        exclusive = false;
      }
      if (reverse2 === void 0) {
        reverse2 = false;
      }
      var $x = convertToTensor(x, "x", "cumsum");
      var inputs = { x: $x };
      var attrs = { axis, exclusive, reverse: reverse2 };
      return ENGINE.runKernel(Cumsum, inputs, attrs);
    }
    var cumsum = /* @__PURE__ */ op({ cumsum_ });
    function tidy(nameOrFn, fn) {
      return ENGINE.tidy(nameOrFn, fn);
    }
    function dispose(container) {
      var tensors = getTensorsInContainer(container);
      tensors.forEach(function(tensor) {
        return tensor.dispose();
      });
    }
    function keep(result) {
      return ENGINE.keep(result);
    }
    function complex_(real2, imag2) {
      var $real = convertToTensor(real2, "real", "complex");
      var $imag = convertToTensor(imag2, "imag", "complex");
      assertShapesMatch($real.shape, $imag.shape, "real and imag shapes, ".concat($real.shape, " and ").concat($imag.shape, ", ") + "must match in call to tf.complex().");
      var inputs = { real: $real, imag: $imag };
      return ENGINE.runKernel(Complex, inputs);
    }
    var complex = /* @__PURE__ */ op({ complex_ });
    function imag_(input2) {
      var $input = convertToTensor(input2, "input", "imag");
      var inputs = { input: $input };
      return ENGINE.runKernel(Imag, inputs);
    }
    var imag = /* @__PURE__ */ op({ imag_ });
    function real_(input2) {
      var $input = convertToTensor(input2, "input", "real");
      var inputs = { input: $input };
      return ENGINE.runKernel(Real, inputs);
    }
    var real = /* @__PURE__ */ op({ real_ });
    function transpose_(x, perm, conjugate) {
      var $x = convertToTensor(x, "x", "transpose");
      if (perm == null) {
        perm = $x.shape.map(function(s, i) {
          return i;
        }).reverse();
      }
      assert($x.rank === perm.length, function() {
        return "Error in transpose: rank of input ".concat($x.rank, " ") + "must match length of perm ".concat(perm, ".");
      });
      perm.forEach(function(axis) {
        assert(axis >= 0 && axis < $x.rank, function() {
          return "All entries in 'perm' must be between 0 and ".concat($x.rank - 1) + " but got ".concat(perm);
        });
      });
      if ($x.rank <= 1) {
        return $x.clone();
      }
      var inputs = { x: $x };
      var attrs = { perm };
      if ($x.dtype === "complex64") {
        return tidy(function() {
          var $real = real($x);
          var $imag = imag($x);
          $real = ENGINE.runKernel(Transpose, { x: $real }, attrs);
          $imag = ENGINE.runKernel(Transpose, { x: $imag }, attrs);
          if (conjugate) {
            $imag = neg($imag);
          }
          return complex($real, $imag);
        });
      }
      return ENGINE.runKernel(Transpose, inputs, attrs);
    }
    var transpose = /* @__PURE__ */ op({ transpose_ });
    var cumsumGradConfig = {
      kernelName: Cumsum,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var axis = attrs.axis, exclusive = attrs.exclusive, reverse2 = attrs.reverse;
        return {
          x: function() {
            var permutation = getAxesPermutation([axis], x.rank);
            var out = cumsum(dy, axis, exclusive, !reverse2);
            if (permutation != null) {
              out = transpose(out, permutation);
            }
            return out;
          }
        };
      }
    };
    function depthwiseConv2dNativeBackpropFilter_(x, dy, filterShape, strides, pad2, dilations, dimRoundingMode) {
      if (dilations === void 0) {
        dilations = [1, 1];
      }
      var x4D = x;
      if (x.rank === 3) {
        x4D = reshape$1(x, [1, x.shape[0], x.shape[1], x.shape[2]]);
      }
      var dy4D = dy;
      if (dy4D.rank === 3) {
        dy4D = reshape$1(dy, [1, dy.shape[0], dy.shape[1], dy.shape[2]]);
      }
      var inputs = { x: x4D, dy: dy4D };
      var attrs = { strides, pad: pad2, dimRoundingMode, dilations, filterShape };
      return ENGINE.runKernel(DepthwiseConv2dNativeBackpropFilter, inputs, attrs);
    }
    var depthwiseConv2dNativeBackpropFilter = op({ depthwiseConv2dNativeBackpropFilter_ });
    function depthwiseConv2dNativeBackpropInput_(xShape, dy, filter, strides, pad2, dilations, dimRoundingMode) {
      if (dilations === void 0) {
        dilations = [1, 1];
      }
      var dy4D = dy;
      var reshapedTo4D = false;
      if (dy.rank === 3) {
        reshapedTo4D = true;
        dy4D = reshape$1(dy, [1, dy.shape[0], dy.shape[1], dy.shape[2]]);
      }
      var inputs = { dy: dy4D, filter };
      var attrs = { strides, pad: pad2, dimRoundingMode, dilations, inputShape: xShape };
      var res = (
        // tslint:disable-next-line: no-unnecessary-type-assertion
        ENGINE.runKernel(DepthwiseConv2dNativeBackpropInput, inputs, attrs)
      );
      if (reshapedTo4D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3]]);
      }
      return res;
    }
    var depthwiseConv2dNativeBackpropInput = op({ depthwiseConv2dNativeBackpropInput_ });
    var depthwiseConv2dNativeGradConfig = {
      kernelName: DepthwiseConv2dNative,
      inputsToSave: ["x", "filter"],
      gradFunc: function(dy, saved, attrs) {
        var dilations = attrs.dilations, strides = attrs.strides, pad2 = attrs.pad, dimRoundingMode = attrs.dimRoundingMode;
        var $dilations = dilations == null ? [1, 1] : dilations;
        assert(tupleValuesAreOne($dilations), function() {
          return "Error in gradient of depthwiseConv2dNative: dilation rates greater than 1 are not yet supported. Got dilations " + "'".concat($dilations, "'");
        });
        var _a2 = __read(saved, 2), x = _a2[0], filter = _a2[1];
        assert(x.rank === 4, function() {
          return "Error in gradient of depthwiseConv2dNative: input must be " + "rank 4, but got rank ".concat(x.rank, ".");
        });
        assert(filter.rank === 4, function() {
          return "Error in gradient of depthwiseConv2dNative: filter must be " + "rank 4, but got rank ".concat(filter.rank, ".");
        });
        assert(x.shape[3] === filter.shape[2], function() {
          return "Error in gradient of depthwiseConv2d: number of input " + "channels (".concat(x.shape[3], ") must match the inChannels dimension ") + "in filter ".concat(filter.shape[2], ".");
        });
        assert(eitherStridesOrDilationsAreOne(strides, $dilations), function() {
          return "Error in gradient of depthwiseConv2d: Either strides or " + "dilations must be  1. Got strides ".concat(strides, " and dilations ") + "'".concat($dilations, "'.");
        });
        checkPadOnDimRoundingMode("depthwiseConv2d", pad2, dimRoundingMode);
        return {
          x: function() {
            return depthwiseConv2dNativeBackpropInput(x.shape, dy, filter, strides, pad2, $dilations, dimRoundingMode);
          },
          filter: function() {
            return depthwiseConv2dNativeBackpropFilter(x, dy, filter.shape, strides, pad2, $dilations, dimRoundingMode);
          }
        };
      }
    };
    var dilation2dGradConfig = {
      kernelName: Dilation2D,
      inputsToSave: ["x", "filter"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), x = _a2[0], filter = _a2[1];
        var inputInputs = { x, filter, dy };
        var filterInputs = { x, filter, dy };
        return {
          x: function() {
            return ENGINE.runKernel(Dilation2DBackpropInput, inputInputs, attrs);
          },
          filter: function() {
            return ENGINE.runKernel(Dilation2DBackpropFilter, filterInputs, attrs);
          }
        };
      }
    };
    var eluGradConfig = {
      kernelName: Elu$1,
      outputsToSave: [true],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), y = _a2[0];
        var inputs = { dy, y };
        return { x: function() {
          return ENGINE.runKernel(EluGrad, inputs);
        } };
      }
    };
    function exp_(x) {
      var $x = convertToTensor(x, "x", "exp");
      var inputs = { x: $x };
      return ENGINE.runKernel(Exp, inputs);
    }
    var exp = /* @__PURE__ */ op({ exp_ });
    var erfGradConfig = {
      kernelName: Erf,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var a = mul(exp(neg(square(x))), 2 / Math.sqrt(Math.PI));
        return { x: function() {
          return mul(dy, a);
        } };
      }
    };
    var expGradConfig = {
      kernelName: Exp,
      outputsToSave: [true],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), y = _a2[0];
        return { x: function() {
          return mul(dy, y);
        } };
      }
    };
    var expandDimsGradConfig = {
      kernelName: ExpandDims,
      inputsToSave: ["input"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), input2 = _a2[0];
        return { input: function() {
          return reshape$1(dy, input2.shape);
        } };
      }
    };
    var expm1GradConfig = {
      kernelName: Expm1,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(dy, exp(x));
        } };
      }
    };
    var floorGradConfig = {
      kernelName: Floor,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var floorDivGradConfig = {
      kernelName: FloorDiv,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var res = div(dy, cast(b, "float32"));
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            return reshape$1(sum(res, reduceAxes), a.shape);
          }
          return res;
        };
        var derB = function() {
          var res = mul(dy, cast(a, "float32"));
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            res = reshape$1(sum(res, reduceAxes), b.shape);
          }
          var tmp = square(b);
          return neg(div(res, cast(tmp, "float32")));
        };
        return { a: derA, b: derB };
      }
    };
    function rsqrt_(x) {
      var $x = convertToTensor(x, "x", "rsqrt", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Rsqrt, inputs);
    }
    var rsqrt = /* @__PURE__ */ op({ rsqrt_ });
    function tile_(x, reps) {
      var $x = convertToTensor(x, "x", "tile", "string_or_numeric");
      assert($x.rank === reps.length, function() {
        return "Error in transpose: rank of input ".concat($x.rank, " ") + "must match length of reps ".concat(reps, ".");
      });
      var inputs = { x: $x };
      var attrs = { reps };
      return ENGINE.runKernel(Tile, inputs, attrs);
    }
    var tile = /* @__PURE__ */ op({ tile_ });
    var fusedBatchNormGradConfig = {
      kernelName: FusedBatchNorm,
      inputsToSave: ["x", "mean", "variance", "scale"],
      gradFunc: function(dy, saved, attrs) {
        var varianceEpsilon = attrs.varianceEpsilon;
        var _a2 = __read(saved, 4), x = _a2[0], mean = _a2[1], variance = _a2[2], scale = _a2[3];
        var scaleValue = scale == null ? scalar(1) : scale;
        var reductionAxes = getReductionAxes(mean.shape, x.shape);
        var tileShape = [];
        if (mean.rank === 1) {
          for (var i = 0; i < x.shape.length - 1; ++i) {
            tileShape.push(x.shape[i]);
          }
          tileShape.push(1);
        }
        var xMinusMean = sub(x, mean);
        var dyTimesScaleValue = mul(dy, scaleValue);
        var oneOverSqrtVariance = rsqrt(add$1(variance, scalar(varianceEpsilon)));
        var minusHalfRCube = mul(mul(mul(oneOverSqrtVariance, oneOverSqrtVariance), oneOverSqrtVariance), scalar(-0.5));
        var derX = function() {
          if (mean.rank === 1) {
            return reshape$1(mul(mul(dy, tile(reshape$1(oneOverSqrtVariance, [1, 1, 1, mean.shape[0]]), tileShape)), scaleValue), x.shape);
          } else {
            return reshape$1(mul(mul(dy, oneOverSqrtVariance), scaleValue), x.shape);
          }
        };
        var derMean = function() {
          var meanDer = mul(mul(oneOverSqrtVariance, scalar(-1)), dyTimesScaleValue);
          if (mean.rank === 1) {
            meanDer = sum(meanDer, reductionAxes);
          }
          return reshape$1(meanDer, mean.shape);
        };
        var derVariance = function() {
          var varianceDer = mul(mul(minusHalfRCube, xMinusMean), dyTimesScaleValue);
          if (mean.rank === 1) {
            varianceDer = sum(varianceDer, reductionAxes);
          }
          return reshape$1(varianceDer, mean.shape);
        };
        var derScale = function() {
          var xMinusMean2TimesRsqrt = mul(xMinusMean, oneOverSqrtVariance);
          var scaleDer = mul(dy, xMinusMean2TimesRsqrt);
          if (mean.rank === 1) {
            scaleDer = sum(scaleDer, reductionAxes);
          }
          return reshape$1(scaleDer, mean.shape);
        };
        var derOffset = function() {
          var offsetDer = dy;
          if (mean.rank === 1) {
            offsetDer = sum(offsetDer, reductionAxes);
          }
          return reshape$1(offsetDer, mean.shape);
        };
        return {
          x: derX,
          mean: derMean,
          variance: derVariance,
          scale: derScale,
          offset: derOffset
        };
      }
    };
    function stack_(tensors, axis) {
      if (axis === void 0) {
        axis = 0;
      }
      var $tensors = convertToTensorArray(tensors, "tensors", "stack", "string_or_numeric");
      assert($tensors.length >= 1, function() {
        return "Pass at least one tensor to tf.stack";
      });
      if ($tensors.length > 0) {
        assert(axis <= $tensors[0].rank, function() {
          return "Axis must be <= rank of the tensor";
        });
      }
      var inputs = $tensors;
      var attrs = { axis };
      return ENGINE.runKernel(Pack, inputs, attrs);
    }
    var stack = /* @__PURE__ */ op({ stack_ });
    function unsortedSegmentSum_(x, segmentIds, numSegments) {
      var $x = convertToTensor(x, "x", "unsortedSegmentSum");
      var $segmentIds = convertToTensor(segmentIds, "segmentIds", "unsortedSegmentSum", "int32");
      assert(isInt(numSegments), function() {
        return "numSegments must be of dtype int";
      });
      var inputs = { x: $x, segmentIds: $segmentIds };
      var attrs = { numSegments };
      return ENGINE.runKernel(UnsortedSegmentSum, inputs, attrs);
    }
    var unsortedSegmentSum = /* @__PURE__ */ op({ unsortedSegmentSum_ });
    var gatherGradConfig = {
      kernelName: GatherV2,
      inputsToSave: ["x", "indices"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), x = _a2[0], indices = _a2[1];
        var axis = attrs.axis, batchDims = attrs.batchDims;
        var parsedAxis = parseAxisParam(axis, x.shape)[0];
        var derXBatch = function(x2, indices2, dy2) {
          return function() {
            var paramsShape = x2.shape;
            var indicesSize = indices2.size;
            var outerShape = paramsShape.slice(0, parsedAxis);
            var outerDims = outerShape.length;
            var innerShape = paramsShape.slice(axis, paramsShape.length).slice(1);
            var innerDims = innerShape.length;
            var outerAxesIndices = arrayRange(0, outerDims);
            var innerAxesIndices = arrayRange(outerDims + 1, outerDims + 1 + innerDims);
            var valuesShape = arrayConcat([
              outerShape,
              [indicesSize],
              innerShape
            ]);
            var values = reshape$1(dy2, valuesShape);
            var reshapedIndices = reshape$1(indices2, [indicesSize]);
            var transposeDims = arrayConcat([[outerDims], outerAxesIndices, innerAxesIndices]);
            var valuesTranspose = transpose(values, transposeDims);
            var paramsGrad = unsortedSegmentSum(valuesTranspose, reshapedIndices, x2.shape[parsedAxis]);
            var invertTransposeDims = getUndoAxesPermutation(transposeDims);
            paramsGrad = transpose(paramsGrad, invertTransposeDims);
            return paramsGrad;
          };
        };
        if (batchDims === 1) {
          var batchSize = x.shape[0];
          var xBatch_1 = x.split(batchSize, 0);
          var derXBatched = function() {
            var stacked = stack(xBatch_1.map(function(x2, i) {
              return derXBatch(x2, indices.slice(i, 1), dy.slice(i, 1))();
            }));
            return stacked.reshape(x.shape);
          };
          return { x: derXBatched, indices: function() {
            return indices;
          } };
        } else {
          return { x: derXBatch(x, indices, dy), indices: function() {
            return indices;
          } };
        }
      }
    };
    function arrayRange(start, stop) {
      var result = [];
      for (var i = start; i < stop; ++i) {
        result.push(i);
      }
      return result;
    }
    function arrayConcat(arrays) {
      var result = [];
      for (var i = 0; i < arrays.length; ++i) {
        for (var j = 0; j < arrays[i].length; ++j) {
          result.push(arrays[i][j]);
        }
      }
      return result;
    }
    var greaterEqualGradConfig = {
      kernelName: GreaterEqual,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        return { a: function() {
          return zerosLike(a);
        }, b: function() {
          return zerosLike(b);
        } };
      }
    };
    var identityGradConfig = {
      kernelName: Identity,
      gradFunc: function(dy) {
        return { x: function() {
          return cast(dy, "float32");
        } };
      }
    };
    var isFiniteGradConfig = {
      kernelName: IsFinite,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var isInfGradConfig = {
      kernelName: IsInf,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var isNanGradConfig = {
      kernelName: IsNan,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    function greater_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "greater", "string_or_numeric");
      var $b = convertToTensor(b, "b", "greater", "string_or_numeric");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Greater, inputs);
    }
    var greater$1 = /* @__PURE__ */ op({ greater_ });
    var leakyReluGradConfig = {
      kernelName: LeakyRelu,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var alpha = attrs.alpha;
        var mask = greater$1(x, 0);
        return { x: function() {
          return where(mask, dy, mul(dy, alpha));
        } };
      }
    };
    var log1pGradConfig = {
      kernelName: Log1p,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, add$1(x, 1));
        } };
      }
    };
    var logGradConfig = {
      kernelName: Log,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, cast(x, "float32"));
        } };
      }
    };
    var logSoftmaxGradConfig = {
      kernelName: LogSoftmax$1,
      inputsToSave: [],
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), value = _a2[0];
        var axis = attrs.axis;
        return {
          logits: function() {
            var keepDims = true;
            var softmax2 = exp(value);
            return sub(dy, mul(sum(dy, axis, keepDims), softmax2));
          }
        };
      }
    };
    function localResponseNormalizationBackprop_(x, y, dy, depthRadius, bias, alpha, beta) {
      if (depthRadius === void 0) {
        depthRadius = 5;
      }
      if (bias === void 0) {
        bias = 1;
      }
      if (alpha === void 0) {
        alpha = 1;
      }
      if (beta === void 0) {
        beta = 0.5;
      }
      var inputs = { x, y, dy };
      var attrs = { depthRadius, bias, alpha, beta };
      return ENGINE.runKernel(LRNGrad, inputs, attrs);
    }
    var localResponseNormalizationBackprop = op({ localResponseNormalizationBackprop_ });
    var lrnGradConfig = {
      kernelName: LRN,
      inputsToSave: ["x"],
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), x = _a2[0], y = _a2[1];
        var depthRadius = attrs.depthRadius, bias = attrs.bias, alpha = attrs.alpha, beta = attrs.beta;
        return {
          x: function() {
            return localResponseNormalizationBackprop(x, y, dy, depthRadius, bias, alpha, beta);
          }
        };
      }
    };
    function equal_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "equal", "string_or_numeric");
      var $b = convertToTensor(b, "b", "equal", "string_or_numeric");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Equal, inputs);
    }
    var equal = /* @__PURE__ */ op({ equal_ });
    function gradForMinAndMax(dy, y, xOrig, origAxes) {
      if (y.rank < xOrig.rank) {
        y = reshape$1(y, expandShapeToKeepDim(y.shape, origAxes));
      }
      if (dy.rank < xOrig.rank) {
        dy = reshape$1(dy, expandShapeToKeepDim(dy.shape, origAxes));
      }
      return {
        x: function() {
          var dx = mul(dy, cast(equal(xOrig, y), dy.dtype));
          return dx;
        }
      };
    }
    var maxGradConfig = {
      kernelName: Max,
      inputsToSave: ["x"],
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var maxAttrs = attrs;
        var reductionIndices = maxAttrs.reductionIndices;
        var x = saved[0];
        var y = saved[1];
        var origAxes = parseAxisParam(reductionIndices, x.shape);
        var maxGrad = gradForMinAndMax(dy, y, x, origAxes);
        return {
          x: function() {
            return maxGrad["x"]();
          }
        };
      }
    };
    function less_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "less", "string_or_numeric");
      var $b = convertToTensor(b, "b", "less", "string_or_numeric");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Less, inputs);
    }
    var less$1 = /* @__PURE__ */ op({ less_ });
    var maximumGradConfig = {
      kernelName: Maximum$1,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var derA = function() {
          return mul(dy, cast(greaterEqual(a, b), "float32"));
        };
        var derB = function() {
          return mul(dy, cast(less$1(a, b), "float32"));
        };
        return { a: derA, b: derB };
      }
    };
    function maxPool3dGrad_(dy, input2, output, filterSize, strides, pad2, dimRoundingMode) {
      var $dy = convertToTensor(dy, "dy", "maxPool3dGrad");
      var $input = convertToTensor(input2, "input", "maxPool3dGrad");
      var $output = convertToTensor(output, "output", "maxPool3dGrad");
      var dy5D = $dy;
      var input5D = $input;
      var output5D = $output;
      var reshapedTo5D = false;
      if ($input.rank === 4) {
        reshapedTo5D = true;
        dy5D = reshape$1($dy, [1, $dy.shape[0], $dy.shape[1], $dy.shape[2], $dy.shape[3]]);
        input5D = reshape$1($input, [
          1,
          $input.shape[0],
          $input.shape[1],
          $input.shape[2],
          $input.shape[3]
        ]);
        output5D = reshape$1($output, [
          1,
          $output.shape[0],
          $output.shape[1],
          $output.shape[2],
          $output.shape[3]
        ]);
      }
      assert(dy5D.rank === 5, function() {
        return "Error in maxPool3dGrad: dy must be rank 5 but got rank " + "".concat(dy5D.rank, ".");
      });
      assert(input5D.rank === 5, function() {
        return "Error in maxPool3dGrad: input must be rank 5 but got rank " + "".concat(input5D.rank, ".");
      });
      assert(output5D.rank === 5, function() {
        return "Error in maxPool3dGrad: output must be rank 5 but got rank " + "".concat(output5D.rank, ".");
      });
      checkPadOnDimRoundingMode("maxPool3dGrad", pad2, dimRoundingMode);
      var inputs = { dy: dy5D, input: input5D, output: output5D };
      var attrs = { filterSize, strides, pad: pad2, dimRoundingMode };
      var res = ENGINE.runKernel(MaxPool3DGrad, inputs, attrs);
      if (reshapedTo5D) {
        return reshape$1(res, [res.shape[1], res.shape[2], res.shape[3], res.shape[4]]);
      }
      return res;
    }
    var maxPool3dGrad = /* @__PURE__ */ op({ maxPool3dGrad_ });
    var maxPool3DGradConfig = {
      kernelName: MaxPool3D,
      inputsToSave: ["x"],
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), x = _a2[0], y = _a2[1];
        var filterSize = attrs.filterSize, strides = attrs.strides, pad2 = attrs.pad, dimRoundingMode = attrs.dimRoundingMode;
        return {
          x: function() {
            return maxPool3dGrad(dy, x, y, filterSize, strides, pad2, dimRoundingMode);
          }
        };
      }
    };
    function maxPoolGrad_(dy, input2, output, filterSize, strides, pad2, dimRoundingMode) {
      var $dy = convertToTensor(dy, "dy", "maxPoolGrad");
      var $input = convertToTensor(input2, "input", "maxPoolGrad");
      var $output = convertToTensor(output, "output", "maxPoolGrad");
      assert($input.rank === $dy.rank, function() {
        return "Rank of input (".concat($input.rank, ") does not match rank of dy ") + "(".concat($dy.rank, ")");
      });
      assert($dy.rank === 4, function() {
        return "Error in maxPoolGrad: dy must be rank 4 but got rank " + "".concat($dy.rank, ".");
      });
      assert($input.rank === 4, function() {
        return "Error in maxPoolGrad: input must be rank 4 but got rank " + "".concat($input.rank, ".");
      });
      checkPadOnDimRoundingMode("maxPoolGrad", pad2, dimRoundingMode);
      var inputs = { dy: $dy, input: $input, output: $output };
      var attrs = { filterSize, strides, pad: pad2, dimRoundingMode };
      return ENGINE.runKernel(MaxPoolGrad, inputs, attrs);
    }
    var maxPoolGrad = /* @__PURE__ */ op({ maxPoolGrad_ });
    var maxPoolGradConfig = {
      kernelName: MaxPool,
      inputsToSave: ["x"],
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 2), x = _a2[0], y = _a2[1];
        var filterSize = attrs.filterSize, strides = attrs.strides, pad2 = attrs.pad;
        return {
          x: function() {
            return maxPoolGrad(dy, x, y, filterSize, strides, pad2);
          }
        };
      }
    };
    function zeros$1(shape, dtype) {
      if (dtype === void 0) {
        dtype = "float32";
      }
      assertNonNegativeIntegerDimensions(shape);
      if (dtype === "complex64") {
        var real2 = zeros$1(shape, "float32");
        var imag2 = zeros$1(shape, "float32");
        return complex(real2, imag2);
      }
      var values = makeZerosTypedArray(sizeFromShape(shape), dtype);
      return ENGINE.makeTensor(values, shape, dtype);
    }
    function ones$1(shape, dtype) {
      if (dtype === void 0) {
        dtype = "float32";
      }
      assertNonNegativeIntegerDimensions(shape);
      if (dtype === "complex64") {
        var real2 = ones$1(shape, "float32");
        var imag2 = zeros$1(shape, "float32");
        return complex(real2, imag2);
      }
      var values = makeOnesTypedArray(sizeFromShape(shape), dtype);
      return ENGINE.makeTensor(values, shape, dtype);
    }
    var meanGradConfig = {
      kernelName: Mean,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var axis = attrs.axis;
        var axes = parseAxisParam(axis, x.shape);
        var shapes = computeOutAndReduceShapes(x.shape, axes);
        var reduceShape = shapes[1];
        var reduceSize = sizeFromShape(reduceShape);
        var derX = function() {
          var expandedDyShape = x.shape.slice();
          axes.forEach(function(axis2) {
            expandedDyShape[axis2] = 1;
          });
          var expandedDy = reshape$1(dy, expandedDyShape);
          var res = div(mul(expandedDy, ones$1(x.shape, "float32")), reduceSize);
          return res;
        };
        return { x: derX };
      }
    };
    var minGradConfig = {
      kernelName: Min,
      inputsToSave: ["x"],
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var minAttrs = attrs;
        var axis = minAttrs.axis;
        var _a2 = __read(saved, 2), x = _a2[0], y = _a2[1];
        var origAxes = parseAxisParam(axis, x.shape);
        var minGrad = gradForMinAndMax(dy, y, x, origAxes);
        return {
          x: function() {
            return minGrad["x"]();
          }
        };
      }
    };
    var minimumGradConfig = {
      kernelName: Minimum$1,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var derA = function() {
          return mul(dy, cast(lessEqual(a, b), "float32"));
        };
        var derB = function() {
          return mul(dy, cast(greater$1(a, b), "float32"));
        };
        return { a: derA, b: derB };
      }
    };
    function slice_(x, begin, size) {
      var $x = convertToTensor(x, "x", "slice", "string_or_numeric");
      if ($x.rank === 0) {
        throw new Error("Slicing scalar is not possible");
      }
      var inputs = { x: $x };
      var attrs = { begin, size };
      return ENGINE.runKernel(Slice, inputs, attrs);
    }
    var slice = /* @__PURE__ */ op({ slice_ });
    var mirrorPadGradConfig = {
      kernelName: MirrorPad,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var x = saved[0];
        var paddings = attrs.paddings;
        var begin = paddings.map(function(p) {
          return p[0];
        });
        return { x: function() {
          return slice(dy, begin, x.shape);
        } };
      }
    };
    function floor_(x) {
      var $x = convertToTensor(x, "x", "floor", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Floor, inputs);
    }
    var floor = /* @__PURE__ */ op({ floor_ });
    var modGradConfig = {
      kernelName: Mod,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            return reshape$1(sum(dy, reduceAxes), a.shape);
          }
          return dy;
        };
        var derB = function() {
          var res = mul(dy, neg(floor(div(a, b))));
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            return reshape$1(sum(res, reduceAxes), b.shape);
          }
          return res;
        };
        return { a: derA, b: derB };
      }
    };
    var multiplyGradConfig = {
      kernelName: Multiply$1,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var res = mul(dy, cast(b, "float32"));
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            return reshape$1(sum(res, reduceAxes), a.shape);
          }
          return res;
        };
        var derB = function() {
          var res = mul(dy, cast(a, "float32"));
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            return reshape$1(sum(res, reduceAxes), b.shape);
          }
          return res;
        };
        return { a: derA, b: derB };
      }
    };
    var negGradConfig = {
      kernelName: Neg,
      gradFunc: function(dy) {
        return { x: function() {
          return neg(dy);
        } };
      }
    };
    var oneHotGradConfig = {
      kernelName: OneHot,
      inputsToSave: ["indices"],
      gradFunc: function(dy, saved) {
        var indices = saved[0];
        return { indices: function() {
          return zeros$1(indices.shape, "float32");
        } };
      }
    };
    var onesLikeGradConfig = {
      kernelName: OnesLike,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    function unstack_(x, axis) {
      if (axis === void 0) {
        axis = 0;
      }
      var $x = convertToTensor(x, "x", "unstack", "string_or_numeric");
      assert(axis >= -$x.shape.length && axis < $x.shape.length, function() {
        return "Axis = ".concat(axis, " is not in [-").concat($x.shape.length, ", ").concat($x.shape.length, ")");
      });
      var inputs = { value: $x };
      var attrs = { axis };
      return ENGINE.runKernel(Unpack, inputs, attrs);
    }
    var unstack = /* @__PURE__ */ op({ unstack_ });
    var packGradConfig = {
      kernelName: Pack,
      saveAllInputs: true,
      gradFunc: function(dy, saved, attrs) {
        var axis = attrs.axis;
        var derTensors = unstack(dy, axis);
        return derTensors.map(function(t) {
          return function() {
            return t;
          };
        });
      }
    };
    var padV2GradConfig = {
      kernelName: PadV2,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var x = saved[0];
        var paddings = attrs.paddings;
        var begin = paddings.map(function(p) {
          return p[0];
        });
        return { x: function() {
          return slice(dy, begin, x.shape);
        } };
      }
    };
    function log_(x) {
      var $x = convertToTensor(x, "x", "log", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Log, inputs);
    }
    var log = /* @__PURE__ */ op({ log_ });
    function pow_(base, exp2) {
      var _a2;
      var $base = convertToTensor(base, "base", "pow");
      var $exp = convertToTensor(exp2, "exp", "pow");
      _a2 = __read(makeTypesMatch($base, $exp), 2), $base = _a2[0], $exp = _a2[1];
      var inputs = { a: $base, b: $exp };
      return ENGINE.runKernel(Pow, inputs);
    }
    var pow = /* @__PURE__ */ op({ pow_ });
    var powGradConfig = {
      kernelName: Pow,
      inputsToSave: ["a", "b"],
      outputsToSave: [true],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 3), a = _a2[0], b = _a2[1], y = _a2[2];
        var base = a;
        var exp2 = b;
        var outShape = assertAndGetBroadcastShape(base.shape, exp2.shape);
        var derBase = function() {
          var expFloat = cast(exp2, "float32");
          var res = mul(dy, mul(expFloat, pow(base, sub(expFloat, scalar(1)))));
          var reduceAxes = getReductionAxes(base.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, base.shape);
        };
        var derExp = function() {
          var condition = greater$1(base, 0);
          var logBase = where(condition, log(base), zerosLike(base));
          var res = mul(dy, mul(y, logBase));
          var reduceAxes = getReductionAxes(exp2.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, exp2.shape);
        };
        return { a: derBase, b: derExp };
      }
    };
    var preluGradConfig = {
      kernelName: Prelu,
      inputsToSave: ["x", "alpha"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), x = _a2[0], alpha = _a2[1];
        var mask = greater$1(x, 0);
        return {
          x: function() {
            return where(mask, dy, mul(dy, alpha));
          },
          alpha: function() {
            var res = where(mask, zerosLike(dy), mul(dy, x));
            var reduceAxes = getReductionAxes(alpha.shape, dy.shape);
            if (reduceAxes.length > 0) {
              res = sum(res, reduceAxes);
            }
            return reshape$1(res, alpha.shape);
          }
        };
      }
    };
    function isBrowser() {
      return typeof window !== "undefined" && window.document != null || //@ts-ignore
      typeof WorkerGlobalScope !== "undefined";
    }
    var ENV = env();
    ENV.registerFlag("DEBUG", function() {
      return false;
    }, function(debugValue) {
      if (debugValue) {
        console.warn("Debugging mode is ON. The output of every math call will be downloaded to CPU and checked for NaNs. This significantly impacts performance.");
      }
    });
    ENV.registerFlag("IS_BROWSER", function() {
      return isBrowser();
    });
    ENV.registerFlag("IS_NODE", function() {
      return typeof process !== "undefined" && typeof process.versions !== "undefined" && typeof process.versions.node !== "undefined";
    });
    ENV.registerFlag("IS_CHROME", function() {
      return typeof navigator !== "undefined" && navigator != null && navigator.userAgent != null && /Chrome/.test(navigator.userAgent) && /Google Inc/.test(navigator.vendor);
    });
    ENV.registerFlag("IS_SAFARI", function() {
      return typeof navigator !== "undefined" && navigator != null && navigator.userAgent != null && /Safari/.test(navigator.userAgent) && /Apple/.test(navigator.vendor);
    });
    ENV.registerFlag("PROD", function() {
      return false;
    });
    ENV.registerFlag("TENSORLIKE_CHECK_SHAPE_CONSISTENCY", function() {
      return ENV.getBool("DEBUG");
    });
    ENV.registerFlag("DEPRECATION_WARNINGS_ENABLED", function() {
      return true;
    });
    ENV.registerFlag("IS_TEST", function() {
      return false;
    });
    ENV.registerFlag("CHECK_COMPUTATION_FOR_ERRORS", function() {
      return ENV.getBool("DEBUG");
    });
    ENV.registerFlag("WRAP_TO_IMAGEBITMAP", function() {
      return false;
    });
    ENV.registerFlag("CANVAS2D_WILL_READ_FREQUENTLY_FOR_GPU", function() {
      return false;
    });
    ENV.registerFlag("USE_SETTIMEOUTCUSTOM", function() {
      return false;
    });
    var CompositeArrayBuffer = (
      /** @class */
      (function() {
        function CompositeArrayBuffer2(buffers) {
          this.shards = [];
          this.previousShardIndex = 0;
          if (buffers == null) {
            return;
          }
          if (!(buffers instanceof Array)) {
            buffers = [buffers];
          }
          buffers = buffers.map(function(bufferOrTypedArray) {
            if (isTypedArray(bufferOrTypedArray)) {
              return bufferOrTypedArray.buffer;
            }
            return bufferOrTypedArray;
          });
          if (buffers.length === 0) {
            return;
          }
          this.bufferUniformSize = buffers[0].byteLength;
          var start = 0;
          for (var i = 0; i < buffers.length; i++) {
            var buffer = buffers[i];
            if (i !== buffers.length - 1 && buffer.byteLength !== this.bufferUniformSize) {
              this.bufferUniformSize = void 0;
            }
            var end = start + buffer.byteLength;
            this.shards.push({ buffer, start, end });
            start = end;
          }
          if (this.shards.length === 0) {
            this.byteLength = 0;
          }
          this.byteLength = this.shards[this.shards.length - 1].end;
        }
        CompositeArrayBuffer2.join = function(buffers) {
          return new CompositeArrayBuffer2(buffers).slice();
        };
        CompositeArrayBuffer2.prototype.slice = function(start, end) {
          if (start === void 0) {
            start = 0;
          }
          if (end === void 0) {
            end = this.byteLength;
          }
          if (this.shards.length === 0) {
            return new ArrayBuffer(0);
          }
          start = isNaN(Number(start)) ? 0 : start;
          end = isNaN(Number(end)) ? 0 : end;
          start = Math.max(0, start);
          end = Math.min(this.byteLength, end);
          if (end <= start) {
            return new ArrayBuffer(0);
          }
          var startShardIndex = this.findShardForByte(start);
          if (startShardIndex === -1) {
            throw new Error("Could not find start shard for byte ".concat(start));
          }
          var size = end - start;
          var outputBuffer = new ArrayBuffer(size);
          var outputArray = new Uint8Array(outputBuffer);
          var sliced = 0;
          for (var i = startShardIndex; i < this.shards.length; i++) {
            var shard = this.shards[i];
            var globalStart = start + sliced;
            var localStart = globalStart - shard.start;
            var outputStart = sliced;
            var globalEnd = Math.min(end, shard.end);
            var localEnd = globalEnd - shard.start;
            var outputSlice = new Uint8Array(shard.buffer, localStart, localEnd - localStart);
            outputArray.set(outputSlice, outputStart);
            sliced += outputSlice.length;
            if (end < shard.end) {
              break;
            }
          }
          return outputBuffer;
        };
        CompositeArrayBuffer2.prototype.findShardForByte = function(byteIndex) {
          if (this.shards.length === 0 || byteIndex < 0 || byteIndex >= this.byteLength) {
            return -1;
          }
          if (this.bufferUniformSize != null) {
            this.previousShardIndex = Math.floor(byteIndex / this.bufferUniformSize);
            return this.previousShardIndex;
          }
          function check(shard) {
            if (byteIndex < shard.start) {
              return -1;
            }
            if (byteIndex >= shard.end) {
              return 1;
            }
            return 0;
          }
          if (check(this.shards[this.previousShardIndex]) === 0) {
            return this.previousShardIndex;
          }
          var index = search(this.shards, check);
          if (index === -1) {
            return -1;
          }
          this.previousShardIndex = index;
          return this.previousShardIndex;
        };
        return CompositeArrayBuffer2;
      })()
    );
    function search(sortedArray, compare) {
      var min2 = 0;
      var max2 = sortedArray.length;
      while (min2 <= max2) {
        var middle = Math.floor((max2 - min2) / 2) + min2;
        var side = compare(sortedArray[middle]);
        if (side === 0) {
          return middle;
        } else if (side < 0) {
          max2 = middle;
        } else {
          min2 = middle + 1;
        }
      }
      return -1;
    }
    var useNodeBuffer = typeof Buffer !== "undefined" && (typeof Blob === "undefined" || typeof atob === "undefined" || typeof btoa === "undefined");
    function stringByteLength(str) {
      if (useNodeBuffer) {
        return Buffer.byteLength(str, "utf8");
      }
      return new Blob([str]).size;
    }
    function arrayBufferToBase64String(buffer) {
      if (useNodeBuffer) {
        return Buffer.from(buffer).toString("base64");
      }
      var buf = new Uint8Array(buffer);
      var s = "";
      for (var i = 0, l = buf.length; i < l; i++) {
        s += String.fromCharCode(buf[i]);
      }
      return btoa(s);
    }
    function base64StringToArrayBuffer(str) {
      if (useNodeBuffer) {
        var buf = Buffer.from(str, "base64");
        return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
      }
      var s = atob(str);
      var buffer = new Uint8Array(s.length);
      for (var i = 0; i < s.length; ++i) {
        buffer.set([s.charCodeAt(i)], i);
      }
      return buffer.buffer;
    }
    function getModelJSONForModelArtifacts(artifacts, manifest) {
      var result = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: manifest
      };
      if (artifacts.signature != null) {
        result.signature = artifacts.signature;
      }
      if (artifacts.userDefinedMetadata != null) {
        result.userDefinedMetadata = artifacts.userDefinedMetadata;
      }
      if (artifacts.modelInitializer != null) {
        result.modelInitializer = artifacts.modelInitializer;
      }
      if (artifacts.initializerSignature != null) {
        result.initializerSignature = artifacts.initializerSignature;
      }
      if (artifacts.trainingConfig != null) {
        result.trainingConfig = artifacts.trainingConfig;
      }
      return result;
    }
    function getModelArtifactsForJSONSync(modelJSON, weightSpecs, weightData) {
      var modelArtifacts = {
        modelTopology: modelJSON.modelTopology,
        format: modelJSON.format,
        generatedBy: modelJSON.generatedBy,
        convertedBy: modelJSON.convertedBy
      };
      if (modelJSON.trainingConfig != null) {
        modelArtifacts.trainingConfig = modelJSON.trainingConfig;
      }
      if (modelJSON.weightsManifest != null) {
        if (!weightSpecs) {
          throw new Error("modelJSON has weightsManifest but weightSpecs is null");
        }
        if (!weightData) {
          throw new Error("modelJSON has weightsManifest but weightData is null");
        }
        modelArtifacts.weightSpecs = weightSpecs;
        modelArtifacts.weightData = weightData;
      }
      if (modelJSON.signature != null) {
        modelArtifacts.signature = modelJSON.signature;
      }
      if (modelJSON.userDefinedMetadata != null) {
        modelArtifacts.userDefinedMetadata = modelJSON.userDefinedMetadata;
      }
      if (modelJSON.modelInitializer != null) {
        modelArtifacts.modelInitializer = modelJSON.modelInitializer;
      }
      if (modelJSON.initializerSignature != null) {
        modelArtifacts.initializerSignature = modelJSON.initializerSignature;
      }
      return modelArtifacts;
    }
    function getModelArtifactsForJSON(modelJSON, loadWeights) {
      return __awaiter(this, void 0, void 0, function() {
        var weightSpecs, weightData;
        var _a2;
        return __generator(this, function(_b) {
          switch (_b.label) {
            case 0:
              if (!(modelJSON.weightsManifest != null)) return [3, 2];
              return [4, loadWeights(modelJSON.weightsManifest)];
            case 1:
              _a2 = __read.apply(void 0, [_b.sent(), 2]), weightSpecs = _a2[0], weightData = _a2[1];
              _b.label = 2;
            case 2:
              return [2, getModelArtifactsForJSONSync(modelJSON, weightSpecs, weightData)];
          }
        });
      });
    }
    function getModelArtifactsInfoForJSON(modelArtifacts) {
      if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
        throw new Error("Expected JSON model topology, received ArrayBuffer.");
      }
      return {
        dateSaved: /* @__PURE__ */ new Date(),
        modelTopologyType: "JSON",
        modelTopologyBytes: modelArtifacts.modelTopology == null ? 0 : stringByteLength(JSON.stringify(modelArtifacts.modelTopology)),
        weightSpecsBytes: modelArtifacts.weightSpecs == null ? 0 : stringByteLength(JSON.stringify(modelArtifacts.weightSpecs)),
        weightDataBytes: modelArtifacts.weightData == null ? 0 : new CompositeArrayBuffer(modelArtifacts.weightData).byteLength
      };
    }
    function getWeightSpecs(weightsManifest) {
      var e_3, _a2;
      var weightSpecs = [];
      try {
        for (var weightsManifest_1 = __values(weightsManifest), weightsManifest_1_1 = weightsManifest_1.next(); !weightsManifest_1_1.done; weightsManifest_1_1 = weightsManifest_1.next()) {
          var entry = weightsManifest_1_1.value;
          weightSpecs.push.apply(weightSpecs, __spreadArray([], __read(entry.weights), false));
        }
      } catch (e_3_1) {
        e_3 = { error: e_3_1 };
      } finally {
        try {
          if (weightsManifest_1_1 && !weightsManifest_1_1.done && (_a2 = weightsManifest_1.return)) _a2.call(weightsManifest_1);
        } finally {
          if (e_3) throw e_3.error;
        }
      }
      return weightSpecs;
    }
    var IORouterRegistry = (
      /** @class */
      (function() {
        function IORouterRegistry2() {
          this.saveRouters = [];
          this.loadRouters = [];
        }
        IORouterRegistry2.getInstance = function() {
          if (IORouterRegistry2.instance == null) {
            IORouterRegistry2.instance = new IORouterRegistry2();
          }
          return IORouterRegistry2.instance;
        };
        IORouterRegistry2.registerSaveRouter = function(saveRouter) {
          IORouterRegistry2.getInstance().saveRouters.push(saveRouter);
        };
        IORouterRegistry2.registerLoadRouter = function(loadRouter) {
          IORouterRegistry2.getInstance().loadRouters.push(loadRouter);
        };
        IORouterRegistry2.getSaveHandlers = function(url) {
          return IORouterRegistry2.getHandlers(url, "save");
        };
        IORouterRegistry2.getLoadHandlers = function(url, loadOptions) {
          return IORouterRegistry2.getHandlers(url, "load", loadOptions);
        };
        IORouterRegistry2.getHandlers = function(url, handlerType, loadOptions) {
          var validHandlers = [];
          var routers = handlerType === "load" ? IORouterRegistry2.getInstance().loadRouters : IORouterRegistry2.getInstance().saveRouters;
          routers.forEach(function(router) {
            var handler = router(url, loadOptions);
            if (handler !== null) {
              validHandlers.push(handler);
            }
          });
          return validHandlers;
        };
        return IORouterRegistry2;
      })()
    );
    var DATABASE_NAME = "tensorflowjs";
    var DATABASE_VERSION = 1;
    var MODEL_STORE_NAME = "models_store";
    var INFO_STORE_NAME = "model_info_store";
    function getIndexedDBFactory() {
      if (!env().getBool("IS_BROWSER")) {
        throw new Error("Failed to obtain IndexedDB factory because the current environmentis not a web browser.");
      }
      var theWindow = typeof window === "undefined" ? self : window;
      var factory = theWindow.indexedDB || theWindow.mozIndexedDB || theWindow.webkitIndexedDB || theWindow.msIndexedDB || theWindow.shimIndexedDB;
      if (factory == null) {
        throw new Error("The current browser does not appear to support IndexedDB.");
      }
      return factory;
    }
    function setUpDatabase(openRequest) {
      var db = openRequest.result;
      db.createObjectStore(MODEL_STORE_NAME, { keyPath: "modelPath" });
      db.createObjectStore(INFO_STORE_NAME, { keyPath: "modelPath" });
    }
    var BrowserIndexedDB = (
      /** @class */
      (function() {
        function BrowserIndexedDB2(modelPath) {
          this.indexedDB = getIndexedDBFactory();
          if (modelPath == null || !modelPath) {
            throw new Error("For IndexedDB, modelPath must not be null, undefined or empty.");
          }
          this.modelPath = modelPath;
        }
        BrowserIndexedDB2.prototype.save = function(modelArtifacts) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
                throw new Error("BrowserLocalStorage.save() does not support saving model topology in binary formats yet.");
              }
              return [2, this.databaseAction(this.modelPath, modelArtifacts)];
            });
          });
        };
        BrowserIndexedDB2.prototype.load = function() {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [2, this.databaseAction(this.modelPath)];
            });
          });
        };
        BrowserIndexedDB2.prototype.databaseAction = function(modelPath, modelArtifacts) {
          var _this = this;
          return new Promise(function(resolve, reject) {
            var openRequest = _this.indexedDB.open(DATABASE_NAME, DATABASE_VERSION);
            openRequest.onupgradeneeded = function() {
              return setUpDatabase(openRequest);
            };
            openRequest.onsuccess = function() {
              var db = openRequest.result;
              if (modelArtifacts == null) {
                var modelTx = db.transaction(MODEL_STORE_NAME, "readonly");
                var modelStore = modelTx.objectStore(MODEL_STORE_NAME);
                var getRequest_1 = modelStore.get(_this.modelPath);
                getRequest_1.onsuccess = function() {
                  if (getRequest_1.result == null) {
                    db.close();
                    return reject(new Error("Cannot find model with path '".concat(_this.modelPath, "' ") + "in IndexedDB."));
                  } else {
                    resolve(getRequest_1.result.modelArtifacts);
                  }
                };
                getRequest_1.onerror = function(error) {
                  db.close();
                  return reject(getRequest_1.error);
                };
                modelTx.oncomplete = function() {
                  return db.close();
                };
              } else {
                modelArtifacts.weightData = CompositeArrayBuffer.join(modelArtifacts.weightData);
                var modelArtifactsInfo_1 = getModelArtifactsInfoForJSON(modelArtifacts);
                var infoTx_1 = db.transaction(INFO_STORE_NAME, "readwrite");
                var infoStore_1 = infoTx_1.objectStore(INFO_STORE_NAME);
                var putInfoRequest_1;
                try {
                  putInfoRequest_1 = infoStore_1.put({ modelPath: _this.modelPath, modelArtifactsInfo: modelArtifactsInfo_1 });
                } catch (error) {
                  return reject(error);
                }
                var modelTx_1;
                putInfoRequest_1.onsuccess = function() {
                  modelTx_1 = db.transaction(MODEL_STORE_NAME, "readwrite");
                  var modelStore2 = modelTx_1.objectStore(MODEL_STORE_NAME);
                  var putModelRequest;
                  try {
                    putModelRequest = modelStore2.put({
                      modelPath: _this.modelPath,
                      modelArtifacts,
                      modelArtifactsInfo: modelArtifactsInfo_1
                    });
                  } catch (error) {
                    return reject(error);
                  }
                  putModelRequest.onsuccess = function() {
                    return resolve({ modelArtifactsInfo: modelArtifactsInfo_1 });
                  };
                  putModelRequest.onerror = function(error) {
                    infoStore_1 = infoTx_1.objectStore(INFO_STORE_NAME);
                    var deleteInfoRequest = infoStore_1.delete(_this.modelPath);
                    deleteInfoRequest.onsuccess = function() {
                      db.close();
                      return reject(putModelRequest.error);
                    };
                    deleteInfoRequest.onerror = function(error2) {
                      db.close();
                      return reject(putModelRequest.error);
                    };
                  };
                };
                putInfoRequest_1.onerror = function(error) {
                  db.close();
                  return reject(putInfoRequest_1.error);
                };
                infoTx_1.oncomplete = function() {
                  if (modelTx_1 == null) {
                    db.close();
                  } else {
                    modelTx_1.oncomplete = function() {
                      return db.close();
                    };
                  }
                };
              }
            };
            openRequest.onerror = function(error) {
              return reject(openRequest.error);
            };
          });
        };
        return BrowserIndexedDB2;
      })()
    );
    BrowserIndexedDB.URL_SCHEME = "indexeddb://";
    var indexedDBRouter = function(url) {
      if (!env().getBool("IS_BROWSER")) {
        return null;
      } else {
        if (!Array.isArray(url) && url.startsWith(BrowserIndexedDB.URL_SCHEME)) {
          return browserIndexedDB(url.slice(BrowserIndexedDB.URL_SCHEME.length));
        } else {
          return null;
        }
      }
    };
    IORouterRegistry.registerSaveRouter(indexedDBRouter);
    IORouterRegistry.registerLoadRouter(indexedDBRouter);
    function browserIndexedDB(modelPath) {
      return new BrowserIndexedDB(modelPath);
    }
    var PATH_SEPARATOR = "/";
    var PATH_PREFIX = "tensorflowjs_models";
    var INFO_SUFFIX = "info";
    var MODEL_TOPOLOGY_SUFFIX = "model_topology";
    var WEIGHT_SPECS_SUFFIX = "weight_specs";
    var WEIGHT_DATA_SUFFIX = "weight_data";
    var MODEL_METADATA_SUFFIX = "model_metadata";
    function getModelKeys(path) {
      return {
        info: [PATH_PREFIX, path, INFO_SUFFIX].join(PATH_SEPARATOR),
        topology: [PATH_PREFIX, path, MODEL_TOPOLOGY_SUFFIX].join(PATH_SEPARATOR),
        weightSpecs: [PATH_PREFIX, path, WEIGHT_SPECS_SUFFIX].join(PATH_SEPARATOR),
        weightData: [PATH_PREFIX, path, WEIGHT_DATA_SUFFIX].join(PATH_SEPARATOR),
        modelMetadata: [PATH_PREFIX, path, MODEL_METADATA_SUFFIX].join(PATH_SEPARATOR)
      };
    }
    function removeItems(keys) {
      var e_12, _a2;
      try {
        for (var _b = __values(Object.values(keys)), _c = _b.next(); !_c.done; _c = _b.next()) {
          var key = _c.value;
          window.localStorage.removeItem(key);
        }
      } catch (e_1_1) {
        e_12 = { error: e_1_1 };
      } finally {
        try {
          if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
        } finally {
          if (e_12) throw e_12.error;
        }
      }
    }
    var BrowserLocalStorage = (
      /** @class */
      (function() {
        function BrowserLocalStorage2(modelPath) {
          if (!env().getBool("IS_BROWSER") || typeof window === "undefined" || typeof window.localStorage === "undefined") {
            throw new Error("The current environment does not support local storage.");
          }
          this.LS = window.localStorage;
          if (modelPath == null || !modelPath) {
            throw new Error("For local storage, modelPath must not be null, undefined or empty.");
          }
          this.modelPath = modelPath;
          this.keys = getModelKeys(this.modelPath);
        }
        BrowserLocalStorage2.prototype.save = function(modelArtifacts) {
          return __awaiter(this, void 0, void 0, function() {
            var topology, weightSpecs, modelArtifactsInfo, weightBuffer, metadata;
            return __generator(this, function(_a2) {
              if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
                throw new Error("BrowserLocalStorage.save() does not support saving model topology in binary formats yet.");
              } else {
                topology = JSON.stringify(modelArtifacts.modelTopology);
                weightSpecs = JSON.stringify(modelArtifacts.weightSpecs);
                modelArtifactsInfo = getModelArtifactsInfoForJSON(modelArtifacts);
                weightBuffer = CompositeArrayBuffer.join(modelArtifacts.weightData);
                try {
                  this.LS.setItem(this.keys.info, JSON.stringify(modelArtifactsInfo));
                  this.LS.setItem(this.keys.topology, topology);
                  this.LS.setItem(this.keys.weightSpecs, weightSpecs);
                  this.LS.setItem(this.keys.weightData, arrayBufferToBase64String(weightBuffer));
                  metadata = {
                    format: modelArtifacts.format,
                    generatedBy: modelArtifacts.generatedBy,
                    convertedBy: modelArtifacts.convertedBy,
                    signature: modelArtifacts.signature != null ? modelArtifacts.signature : void 0,
                    userDefinedMetadata: modelArtifacts.userDefinedMetadata != null ? modelArtifacts.userDefinedMetadata : void 0,
                    modelInitializer: modelArtifacts.modelInitializer != null ? modelArtifacts.modelInitializer : void 0,
                    initializerSignature: modelArtifacts.initializerSignature != null ? modelArtifacts.initializerSignature : void 0,
                    trainingConfig: modelArtifacts.trainingConfig != null ? modelArtifacts.trainingConfig : void 0
                  };
                  this.LS.setItem(this.keys.modelMetadata, JSON.stringify(metadata));
                  return [2, { modelArtifactsInfo }];
                } catch (err) {
                  removeItems(this.keys);
                  throw new Error("Failed to save model '".concat(this.modelPath, "' to local storage: ") + "size quota being exceeded is a possible cause of this failure: " + "modelTopologyBytes=".concat(modelArtifactsInfo.modelTopologyBytes, ", ") + "weightSpecsBytes=".concat(modelArtifactsInfo.weightSpecsBytes, ", ") + "weightDataBytes=".concat(modelArtifactsInfo.weightDataBytes, "."));
                }
              }
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BrowserLocalStorage2.prototype.load = function() {
          return __awaiter(this, void 0, void 0, function() {
            var info, out, topology, weightSpecs, metadataString, metadata, weightDataBase64;
            return __generator(this, function(_a2) {
              info = JSON.parse(this.LS.getItem(this.keys.info));
              if (info == null) {
                throw new Error("In local storage, there is no model with name '".concat(this.modelPath, "'"));
              }
              if (info.modelTopologyType !== "JSON") {
                throw new Error("BrowserLocalStorage does not support loading non-JSON model topology yet.");
              }
              out = {};
              topology = JSON.parse(this.LS.getItem(this.keys.topology));
              if (topology == null) {
                throw new Error("In local storage, the topology of model '".concat(this.modelPath, "' ") + "is missing.");
              }
              out.modelTopology = topology;
              weightSpecs = JSON.parse(this.LS.getItem(this.keys.weightSpecs));
              if (weightSpecs == null) {
                throw new Error("In local storage, the weight specs of model '".concat(this.modelPath, "' ") + "are missing.");
              }
              out.weightSpecs = weightSpecs;
              metadataString = this.LS.getItem(this.keys.modelMetadata);
              if (metadataString != null) {
                metadata = JSON.parse(metadataString);
                out.format = metadata.format;
                out.generatedBy = metadata.generatedBy;
                out.convertedBy = metadata.convertedBy;
                if (metadata.signature != null) {
                  out.signature = metadata.signature;
                }
                if (metadata.userDefinedMetadata != null) {
                  out.userDefinedMetadata = metadata.userDefinedMetadata;
                }
                if (metadata.modelInitializer != null) {
                  out.modelInitializer = metadata.modelInitializer;
                }
                if (metadata.initializerSignature != null) {
                  out.initializerSignature = metadata.initializerSignature;
                }
                if (metadata.trainingConfig != null) {
                  out.trainingConfig = metadata.trainingConfig;
                }
              }
              weightDataBase64 = this.LS.getItem(this.keys.weightData);
              if (weightDataBase64 == null) {
                throw new Error("In local storage, the binary weight values of model " + "'".concat(this.modelPath, "' are missing."));
              }
              out.weightData = base64StringToArrayBuffer(weightDataBase64);
              return [2, out];
            });
          });
        };
        return BrowserLocalStorage2;
      })()
    );
    BrowserLocalStorage.URL_SCHEME = "localstorage://";
    var localStorageRouter = function(url) {
      if (!env().getBool("IS_BROWSER")) {
        return null;
      } else {
        if (!Array.isArray(url) && url.startsWith(BrowserLocalStorage.URL_SCHEME)) {
          return browserLocalStorage(url.slice(BrowserLocalStorage.URL_SCHEME.length));
        } else {
          return null;
        }
      }
    };
    IORouterRegistry.registerSaveRouter(localStorageRouter);
    IORouterRegistry.registerLoadRouter(localStorageRouter);
    function browserLocalStorage(modelPath) {
      return new BrowserLocalStorage(modelPath);
    }
    var DEFAULT_FILE_NAME_PREFIX = "model";
    var DEFAULT_JSON_EXTENSION_NAME = ".json";
    var DEFAULT_WEIGHT_DATA_EXTENSION_NAME = ".weights.bin";
    function defer(f) {
      return new Promise(function(resolve) {
        return setTimeout(resolve);
      }).then(f);
    }
    var BrowserDownloads = (
      /** @class */
      (function() {
        function BrowserDownloads2(fileNamePrefix) {
          if (!env().getBool("IS_BROWSER")) {
            throw new Error("browserDownloads() cannot proceed because the current environment is not a browser.");
          }
          if (fileNamePrefix.startsWith(BrowserDownloads2.URL_SCHEME)) {
            fileNamePrefix = fileNamePrefix.slice(BrowserDownloads2.URL_SCHEME.length);
          }
          if (fileNamePrefix == null || fileNamePrefix.length === 0) {
            fileNamePrefix = DEFAULT_FILE_NAME_PREFIX;
          }
          this.modelJsonFileName = fileNamePrefix + DEFAULT_JSON_EXTENSION_NAME;
          this.weightDataFileName = fileNamePrefix + DEFAULT_WEIGHT_DATA_EXTENSION_NAME;
        }
        BrowserDownloads2.prototype.save = function(modelArtifacts) {
          return __awaiter(this, void 0, void 0, function() {
            var weightBuffer, weightsURL, weightsManifest, modelJSON, modelJsonURL, jsonAnchor_1, weightDataAnchor_1;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (typeof document === "undefined") {
                    throw new Error("Browser downloads are not supported in this environment since `document` is not present");
                  }
                  weightBuffer = CompositeArrayBuffer.join(modelArtifacts.weightData);
                  weightsURL = window.URL.createObjectURL(new Blob([weightBuffer], { type: "application/octet-stream" }));
                  if (!(modelArtifacts.modelTopology instanceof ArrayBuffer)) return [3, 1];
                  throw new Error("BrowserDownloads.save() does not support saving model topology in binary formats yet.");
                case 1:
                  weightsManifest = [{
                    paths: ["./" + this.weightDataFileName],
                    weights: modelArtifacts.weightSpecs
                  }];
                  modelJSON = getModelJSONForModelArtifacts(modelArtifacts, weightsManifest);
                  modelJsonURL = window.URL.createObjectURL(new Blob([JSON.stringify(modelJSON)], { type: "application/json" }));
                  jsonAnchor_1 = this.modelJsonAnchor == null ? document.createElement("a") : this.modelJsonAnchor;
                  jsonAnchor_1.download = this.modelJsonFileName;
                  jsonAnchor_1.href = modelJsonURL;
                  return [4, defer(function() {
                    return jsonAnchor_1.dispatchEvent(new MouseEvent("click"));
                  })];
                case 2:
                  _a2.sent();
                  if (!(modelArtifacts.weightData != null)) return [3, 4];
                  weightDataAnchor_1 = this.weightDataAnchor == null ? document.createElement("a") : this.weightDataAnchor;
                  weightDataAnchor_1.download = this.weightDataFileName;
                  weightDataAnchor_1.href = weightsURL;
                  return [4, defer(function() {
                    return weightDataAnchor_1.dispatchEvent(new MouseEvent("click"));
                  })];
                case 3:
                  _a2.sent();
                  _a2.label = 4;
                case 4:
                  return [2, { modelArtifactsInfo: getModelArtifactsInfoForJSON(modelArtifacts) }];
              }
            });
          });
        };
        return BrowserDownloads2;
      })()
    );
    BrowserDownloads.URL_SCHEME = "downloads://";
    var browserDownloadsRouter = function(url) {
      if (!env().getBool("IS_BROWSER")) {
        return null;
      } else {
        if (!Array.isArray(url) && url.startsWith(BrowserDownloads.URL_SCHEME)) {
          return browserDownloads(url.slice(BrowserDownloads.URL_SCHEME.length));
        } else {
          return null;
        }
      }
    };
    IORouterRegistry.registerSaveRouter(browserDownloadsRouter);
    function browserDownloads(fileNamePrefix) {
      if (fileNamePrefix === void 0) {
        fileNamePrefix = "model";
      }
      return new BrowserDownloads(fileNamePrefix);
    }
    function monitorPromisesProgress(promises, onProgress, startFraction, endFraction) {
      checkPromises(promises);
      startFraction = startFraction == null ? 0 : startFraction;
      endFraction = endFraction == null ? 1 : endFraction;
      checkFraction(startFraction, endFraction);
      var resolvedPromise = 0;
      var registerMonitor = function(promise) {
        promise.then(function(value) {
          var fraction = startFraction + ++resolvedPromise / promises.length * (endFraction - startFraction);
          onProgress(fraction);
          return value;
        });
        return promise;
      };
      function checkPromises(promises2) {
        assert(promises2 != null && Array.isArray(promises2) && promises2.length > 0, function() {
          return "promises must be a none empty array";
        });
      }
      function checkFraction(startFraction2, endFraction2) {
        assert(startFraction2 >= 0 && startFraction2 <= 1, function() {
          return "Progress fraction must be in range [0, 1], but " + "got startFraction ".concat(startFraction2);
        });
        assert(endFraction2 >= 0 && endFraction2 <= 1, function() {
          return "Progress fraction must be in range [0, 1], but " + "got endFraction ".concat(endFraction2);
        });
        assert(endFraction2 >= startFraction2, function() {
          return "startFraction must be no more than endFraction, but " + "got startFraction ".concat(startFraction2, " and endFraction ") + "".concat(endFraction2);
        });
      }
      return Promise.all(promises.map(registerMonitor));
    }
    function loadWeightsAsArrayBuffer(fetchURLs, loadOptions) {
      return __awaiter(this, void 0, void 0, function() {
        var fetchFunc, requests, fetchStartFraction, fetchEndFraction, responses, _b, bufferPromises, bufferStartFraction, bufferEndFraction, buffers, _c;
        return __generator(this, function(_d) {
          switch (_d.label) {
            case 0:
              if (loadOptions == null) {
                loadOptions = {};
              }
              fetchFunc = loadOptions.fetchFunc == null ? env().platform.fetch : loadOptions.fetchFunc;
              requests = fetchURLs.map(function(fetchURL) {
                return fetchFunc(fetchURL, loadOptions.requestInit, { isBinary: true });
              });
              fetchStartFraction = 0;
              fetchEndFraction = 0.5;
              if (!(loadOptions.onProgress == null)) return [3, 2];
              return [4, Promise.all(requests)];
            case 1:
              _b = _d.sent();
              return [3, 4];
            case 2:
              return [4, monitorPromisesProgress(requests, loadOptions.onProgress, fetchStartFraction, fetchEndFraction)];
            case 3:
              _b = _d.sent();
              _d.label = 4;
            case 4:
              responses = _b;
              bufferPromises = responses.map(function(response) {
                return response.arrayBuffer();
              });
              bufferStartFraction = 0.5;
              bufferEndFraction = 1;
              if (!(loadOptions.onProgress == null)) return [3, 6];
              return [4, Promise.all(bufferPromises)];
            case 5:
              _c = _d.sent();
              return [3, 8];
            case 6:
              return [4, monitorPromisesProgress(bufferPromises, loadOptions.onProgress, bufferStartFraction, bufferEndFraction)];
            case 7:
              _c = _d.sent();
              _d.label = 8;
            case 8:
              buffers = _c;
              return [2, buffers];
          }
        });
      });
    }
    function streamWeights(fetchURLs, loadOptions) {
      var _this = this;
      var _a2;
      var fetchFunc = loadOptions.fetchFunc == null ? env().platform.fetch : loadOptions.fetchFunc;
      var fetchIndex = 0;
      var chunkReader;
      (_a2 = loadOptions.onProgress) === null || _a2 === void 0 ? void 0 : _a2.call(loadOptions, 0);
      return new ReadableStream({
        pull: function(controller) {
          return __awaiter(_this, void 0, void 0, function() {
            var _a3, body, _b, done, value;
            return __generator(this, function(_c) {
              switch (_c.label) {
                case 0:
                  if (!(fetchIndex < fetchURLs.length)) return [3, 4];
                  if (!!chunkReader) return [3, 2];
                  return [4, fetchFunc(fetchURLs[fetchIndex], loadOptions.requestInit, { isBinary: true })];
                case 1:
                  body = _c.sent().body;
                  chunkReader = body.getReader();
                  _c.label = 2;
                case 2:
                  return [4, chunkReader.read()];
                case 3:
                  _b = _c.sent(), done = _b.done, value = _b.value;
                  if (done) {
                    fetchIndex++;
                    chunkReader = void 0;
                    (_a3 = loadOptions.onProgress) === null || _a3 === void 0 ? void 0 : _a3.call(loadOptions, fetchIndex / fetchURLs.length);
                    return [3, 0];
                  }
                  controller.enqueue(value);
                  return [
                    2
                    /*return*/
                  ];
                case 4:
                  controller.close();
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        }
      });
    }
    var OCTET_STREAM_MIME_TYPE = "application/octet-stream";
    var JSON_TYPE = "application/json";
    var HTTPRequest = (
      /** @class */
      (function() {
        function HTTPRequest2(path, loadOptions) {
          this.DEFAULT_METHOD = "POST";
          if (loadOptions == null) {
            loadOptions = {};
          }
          this.weightPathPrefix = loadOptions.weightPathPrefix;
          this.weightUrlConverter = loadOptions.weightUrlConverter;
          if (loadOptions.fetchFunc != null) {
            assert(typeof loadOptions.fetchFunc === "function", function() {
              return "Must pass a function that matches the signature of `fetch` (see https://developer.mozilla.org/en-US/docs/Web/API/Fetch_API)";
            });
            this.fetch = loadOptions.fetchFunc;
          } else {
            this.fetch = env().platform.fetch;
          }
          assert(path != null && path.length > 0, function() {
            return "URL path for http must not be null, undefined or empty.";
          });
          if (Array.isArray(path)) {
            assert(path.length === 2, function() {
              return "URL paths for http must have a length of 2, " + "(actual length is ".concat(path.length, ").");
            });
          }
          this.path = path;
          if (loadOptions.requestInit != null && loadOptions.requestInit.body != null) {
            throw new Error("requestInit is expected to have no pre-existing body, but has one.");
          }
          this.requestInit = loadOptions.requestInit || {};
          this.loadOptions = loadOptions;
        }
        HTTPRequest2.prototype.save = function(modelArtifacts) {
          return __awaiter(this, void 0, void 0, function() {
            var init, weightsManifest, modelTopologyAndWeightManifest, weightBuffer, response;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (modelArtifacts.modelTopology instanceof ArrayBuffer) {
                    throw new Error("BrowserHTTPRequest.save() does not support saving model topology in binary formats yet.");
                  }
                  init = Object.assign({ method: this.DEFAULT_METHOD }, this.requestInit);
                  init.body = new FormData();
                  weightsManifest = [{
                    paths: ["./model.weights.bin"],
                    weights: modelArtifacts.weightSpecs
                  }];
                  modelTopologyAndWeightManifest = getModelJSONForModelArtifacts(modelArtifacts, weightsManifest);
                  init.body.append("model.json", new Blob([JSON.stringify(modelTopologyAndWeightManifest)], { type: JSON_TYPE }), "model.json");
                  if (modelArtifacts.weightData != null) {
                    weightBuffer = CompositeArrayBuffer.join(modelArtifacts.weightData);
                    init.body.append("model.weights.bin", new Blob([weightBuffer], { type: OCTET_STREAM_MIME_TYPE }), "model.weights.bin");
                  }
                  return [4, this.fetch(this.path, init)];
                case 1:
                  response = _a2.sent();
                  if (response.ok) {
                    return [2, {
                      modelArtifactsInfo: getModelArtifactsInfoForJSON(modelArtifacts),
                      responses: [response]
                    }];
                  } else {
                    throw new Error("BrowserHTTPRequest.save() failed due to HTTP response status " + "".concat(response.status, "."));
                  }
              }
            });
          });
        };
        HTTPRequest2.prototype.loadModelJSON = function() {
          return __awaiter(this, void 0, void 0, function() {
            var modelConfigRequest, modelJSON, message, modelTopology, weightsManifest;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  return [4, this.fetch(this.path, this.requestInit)];
                case 1:
                  modelConfigRequest = _a2.sent();
                  if (!modelConfigRequest.ok) {
                    throw new Error("Request to ".concat(this.path, " failed with status code ") + "".concat(modelConfigRequest.status, ". Please verify this URL points to ") + "the model JSON of the model to load.");
                  }
                  _a2.label = 2;
                case 2:
                  _a2.trys.push([2, 4, , 5]);
                  return [4, modelConfigRequest.json()];
                case 3:
                  modelJSON = _a2.sent();
                  return [3, 5];
                case 4:
                  _a2.sent();
                  message = "Failed to parse model JSON of response from ".concat(this.path, ".");
                  if (this.path.endsWith(".pb")) {
                    message += " Your path contains a .pb file extension. Support for .pb models have been removed in TensorFlow.js 1.0 in favor of .json models. You can re-convert your Python TensorFlow model using the TensorFlow.js 1.0 conversion scripts or you can convert your.pb models with the 'pb2json'NPM script in the tensorflow/tfjs-converter repository.";
                  } else {
                    message += " Please make sure the server is serving valid JSON for this request.";
                  }
                  throw new Error(message);
                case 5:
                  modelTopology = modelJSON.modelTopology;
                  weightsManifest = modelJSON.weightsManifest;
                  if (modelTopology == null && weightsManifest == null) {
                    throw new Error("The JSON from HTTP path ".concat(this.path, " contains neither model ") + "topology or manifest for weights.");
                  }
                  return [2, modelJSON];
              }
            });
          });
        };
        HTTPRequest2.prototype.load = function() {
          return __awaiter(this, void 0, void 0, function() {
            var modelJSON;
            var _this = this;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (this.loadOptions.streamWeights) {
                    return [2, this.loadStream()];
                  }
                  return [4, this.loadModelJSON()];
                case 1:
                  modelJSON = _a2.sent();
                  return [2, getModelArtifactsForJSON(modelJSON, function(weightsManifest) {
                    return _this.loadWeights(weightsManifest);
                  })];
              }
            });
          });
        };
        HTTPRequest2.prototype.loadStream = function() {
          return __awaiter(this, void 0, void 0, function() {
            var modelJSON, fetchURLs, weightSpecs, stream;
            var _this = this;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  return [4, this.loadModelJSON()];
                case 1:
                  modelJSON = _a2.sent();
                  return [4, this.getWeightUrls(modelJSON.weightsManifest)];
                case 2:
                  fetchURLs = _a2.sent();
                  weightSpecs = getWeightSpecs(modelJSON.weightsManifest);
                  stream = function() {
                    return streamWeights(fetchURLs, _this.loadOptions);
                  };
                  return [2, Object.assign(Object.assign({}, modelJSON), { weightSpecs, getWeightStream: stream })];
              }
            });
          });
        };
        HTTPRequest2.prototype.getWeightUrls = function(weightsManifest) {
          return __awaiter(this, void 0, void 0, function() {
            var weightPath, _a2, prefix, suffix, pathPrefix, fetchURLs, urlPromises, weightsManifest_1, weightsManifest_1_1, weightsGroup, _b, _c, path, _d, _e, _f, _g;
            var e_2, _h, e_3, _j;
            return __generator(this, function(_k) {
              switch (_k.label) {
                case 0:
                  weightPath = Array.isArray(this.path) ? this.path[1] : this.path;
                  _a2 = __read(parseUrl(weightPath), 2), prefix = _a2[0], suffix = _a2[1];
                  pathPrefix = this.weightPathPrefix || prefix;
                  fetchURLs = [];
                  urlPromises = [];
                  try {
                    for (weightsManifest_1 = __values(weightsManifest), weightsManifest_1_1 = weightsManifest_1.next(); !weightsManifest_1_1.done; weightsManifest_1_1 = weightsManifest_1.next()) {
                      weightsGroup = weightsManifest_1_1.value;
                      try {
                        for (_b = (e_3 = void 0, __values(weightsGroup.paths)), _c = _b.next(); !_c.done; _c = _b.next()) {
                          path = _c.value;
                          if (this.weightUrlConverter != null) {
                            urlPromises.push(this.weightUrlConverter(path));
                          } else {
                            fetchURLs.push(pathPrefix + path + suffix);
                          }
                        }
                      } catch (e_3_1) {
                        e_3 = { error: e_3_1 };
                      } finally {
                        try {
                          if (_c && !_c.done && (_j = _b.return)) _j.call(_b);
                        } finally {
                          if (e_3) throw e_3.error;
                        }
                      }
                    }
                  } catch (e_2_1) {
                    e_2 = { error: e_2_1 };
                  } finally {
                    try {
                      if (weightsManifest_1_1 && !weightsManifest_1_1.done && (_h = weightsManifest_1.return)) _h.call(weightsManifest_1);
                    } finally {
                      if (e_2) throw e_2.error;
                    }
                  }
                  if (!this.weightUrlConverter) return [3, 2];
                  _e = (_d = fetchURLs.push).apply;
                  _f = [fetchURLs];
                  _g = [[]];
                  return [4, Promise.all(urlPromises)];
                case 1:
                  _e.apply(_d, _f.concat([__spreadArray.apply(void 0, _g.concat([__read.apply(void 0, [_k.sent()]), false]))]));
                  _k.label = 2;
                case 2:
                  return [2, fetchURLs];
              }
            });
          });
        };
        HTTPRequest2.prototype.loadWeights = function(weightsManifest) {
          return __awaiter(this, void 0, void 0, function() {
            var fetchURLs, weightSpecs, buffers;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  return [4, this.getWeightUrls(weightsManifest)];
                case 1:
                  fetchURLs = _a2.sent();
                  weightSpecs = getWeightSpecs(weightsManifest);
                  return [4, loadWeightsAsArrayBuffer(fetchURLs, this.loadOptions)];
                case 2:
                  buffers = _a2.sent();
                  return [2, [weightSpecs, buffers]];
              }
            });
          });
        };
        return HTTPRequest2;
      })()
    );
    HTTPRequest.URL_SCHEME_REGEX = /^https?:\/\//;
    function parseUrl(url) {
      var lastSlash = url.lastIndexOf("/");
      var lastSearchParam = url.lastIndexOf("?");
      var prefix = url.substring(0, lastSlash);
      var suffix = lastSearchParam > lastSlash ? url.substring(lastSearchParam) : "";
      return [prefix + "/", suffix];
    }
    function isHTTPScheme(url) {
      return url.match(HTTPRequest.URL_SCHEME_REGEX) != null;
    }
    var httpRouter = function(url, loadOptions) {
      if (typeof fetch === "undefined" && (loadOptions == null || loadOptions.fetchFunc == null)) {
        return null;
      } else {
        var isHTTP = true;
        if (Array.isArray(url)) {
          isHTTP = url.every(function(urlItem) {
            return isHTTPScheme(urlItem);
          });
        } else {
          isHTTP = isHTTPScheme(url);
        }
        if (isHTTP) {
          return http(url, loadOptions);
        }
      }
      return null;
    };
    IORouterRegistry.registerSaveRouter(httpRouter);
    IORouterRegistry.registerLoadRouter(httpRouter);
    function http(path, loadOptions) {
      return new HTTPRequest(path, loadOptions);
    }
    function validateUpdateShape(shape, indices, updates) {
      var sliceDim = indices.rank > 1 ? indices.shape[indices.rank - 1] : 1;
      var batchDim = indices.rank > 1 ? indices.rank - 1 : 1;
      var shapeError = "Must have updates.shape = indices.shape[:batchDim] + " + "shape[sliceDim:], got updates.shape: ".concat(updates.shape) + ", indices.shape: ".concat(indices.shape, ", shape: ").concat(shape) + ", sliceDim: ".concat(sliceDim, ", and batchDim: ").concat(batchDim, ".");
      if (updates.rank < batchDim) {
        throw new Error(shapeError + " update.rank < ".concat(batchDim, ". "));
      }
      if (shape.length < sliceDim + (updates.rank - batchDim)) {
        throw new Error(shapeError + " Output shape length < ".concat(sliceDim + (updates.rank - batchDim)));
      }
      if (updates.rank !== batchDim + shape.length - sliceDim) {
        throw new Error(shapeError + " update.rank != ".concat(batchDim + shape.length - sliceDim));
      }
      for (var d = 0; d < batchDim; ++d) {
        if (updates.shape[d] !== indices.shape[d]) {
          throw new Error(shapeError + " updates.shape[".concat(d, "] (").concat(updates.shape[d], ") != indices.shape[").concat(d, "] (").concat(indices.shape[d], ")."));
        }
      }
      for (var d = 0; d < updates.rank - batchDim; ++d) {
        if (updates.shape[d + batchDim] !== shape[d + sliceDim]) {
          throw new Error(shapeError + " updates.shape[".concat(d + batchDim, "] (").concat(updates.shape[d + batchDim], ") != shape[").concat(d + batchDim, "] (").concat(shape[d + batchDim], ")"));
        }
      }
    }
    function validateInput(updates, indices, shape) {
      if (indices.rank < 1) {
        throw new Error("tf.scatterND() expects the indices to be rank 1 or higher," + " but the rank was ".concat(indices.rank, "."));
      }
      if (updates.rank < 1) {
        throw new Error("tf.scatterND() expects the updates to be rank 1 or higher," + " but the rank was ".concat(updates.rank, "."));
      }
      if (indices.dtype !== "int32") {
        throw new Error("The dtype of 'indices' should be int32, but got dtype: ".concat(indices.dtype));
      }
      if (shape.length < 1) {
        throw new Error("Output rank must be greater or equal to 1, but got shape: ".concat(shape));
      }
      if (shape.length === 0) {
        if (indices.size === 0) {
          throw new Error("Indices specified for empty output. indices shape: ".concat(indices.shape));
        }
        if (updates.size === 0) {
          throw new Error("Updates specified for empty output. updates shape: ".concat(updates.shape));
        }
      }
      validateUpdateShape(shape, indices, updates);
    }
    function parseSliceParams(x, begin, size) {
      var begin_;
      var xRank = x.shape.length;
      if (typeof begin === "number") {
        begin_ = __spreadArray([begin], __read(new Array(xRank - 1).fill(0)), false);
      } else if (begin.length < xRank) {
        begin_ = begin.concat(new Array(xRank - begin.length).fill(0));
      } else {
        begin_ = begin.slice();
      }
      begin_.forEach(function(d) {
        assert(d !== -1, function() {
          return "slice() does not support negative begin indexing.";
        });
      });
      var size_;
      if (size == null) {
        size_ = new Array(xRank).fill(-1);
      } else if (typeof size === "number") {
        size_ = __spreadArray([size], __read(new Array(xRank - 1).fill(-1)), false);
      } else if (size.length < xRank) {
        size_ = size.concat(new Array(xRank - size.length).fill(-1));
      } else {
        size_ = size;
      }
      size_ = size_.map(function(d, i) {
        if (d >= 0) {
          return d;
        } else {
          assert(d === -1, function() {
            return "Negative size values should be exactly -1 but got " + "".concat(d, " for the slice() size at index ").concat(i, ".");
          });
          return x.shape[i] - begin_[i];
        }
      });
      return [begin_, size_];
    }
    var Serializable = (
      /** @class */
      (function() {
        function Serializable2() {
        }
        Serializable2.prototype.getClassName = function() {
          return this.constructor.className;
        };
        Serializable2.fromConfig = function(cls, config) {
          return new cls(config);
        };
        return Serializable2;
      })()
    );
    function abs_(x) {
      var $x = convertToTensor(x, "x", "abs");
      if ($x.dtype === "complex64") {
        var inputs = { x: $x };
        return ENGINE.runKernel(ComplexAbs, inputs);
      } else {
        var inputs = { x: $x };
        return ENGINE.runKernel(Abs, inputs);
      }
    }
    var abs = /* @__PURE__ */ op({ abs_ });
    function concat_(tensors, axis) {
      if (axis === void 0) {
        axis = 0;
      }
      assert(tensors.length >= 1, function() {
        return "Pass at least one tensor to concat";
      });
      var $tensors = convertToTensorArray(tensors, "tensors", "concat", "string_or_numeric");
      if ($tensors[0].dtype === "complex64") {
        $tensors.forEach(function(tensor) {
          if (tensor.dtype !== "complex64") {
            throw new Error("Cannot concatenate complex64 tensors with a tensor\n          with dtype ".concat(tensor.dtype, ". "));
          }
        });
      }
      if ($tensors.length === 1) {
        return clone($tensors[0]);
      }
      var inputs = $tensors;
      var attr = { axis };
      return ENGINE.runKernel(Concat, inputs, attr);
    }
    var concat = /* @__PURE__ */ op({ concat_ });
    function sigmoid_(x) {
      var $x = convertToTensor(x, "x", "sigmoid", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Sigmoid$1, inputs);
    }
    var sigmoid = /* @__PURE__ */ op({ sigmoid_ });
    function batchToSpaceND_(x, blockShape, crops) {
      var $x = convertToTensor(x, "x", "batchToSpaceND");
      var prod = blockShape.reduce(function(a, b) {
        return a * b;
      });
      assert($x.rank >= 1 + blockShape.length, function() {
        return "input rank is ".concat($x.rank, " but should be > than blockShape.length ").concat(blockShape.length);
      });
      assert(crops.length === blockShape.length, function() {
        return "crops.length is ".concat(crops.length, " but should be equal to blockShape.length  ").concat(blockShape.length);
      });
      assert($x.shape[0] % prod === 0, function() {
        return "input tensor batch is ".concat($x.shape[0], " but is not divisible by the product of ") + "the elements of blockShape ".concat(blockShape.join(" * "), " === ").concat(prod);
      });
      var inputs = { x: $x };
      var attrs = { blockShape, crops };
      return ENGINE.runKernel(BatchToSpaceND, inputs, attrs);
    }
    var batchToSpaceND = /* @__PURE__ */ op({ batchToSpaceND_ });
    function fill(shape, value, dtype) {
      assertNonNegativeIntegerDimensions(shape);
      dtype = dtype || inferDtype(value);
      var attrs = { shape, value, dtype };
      return ENGINE.runKernel(Fill, {}, attrs);
    }
    function cos_(x) {
      var $x = convertToTensor(x, "x", "cos", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Cos, inputs);
    }
    var cos = /* @__PURE__ */ op({ cos_ });
    function cosh_(x) {
      var $x = convertToTensor(x, "x", "cosh", "float32");
      var inputs = { x: $x };
      return ENGINE.runKernel(Cosh, inputs);
    }
    var cosh = /* @__PURE__ */ op({ cosh_ });
    function cumprod_(x, axis, exclusive, reverse2) {
      if (axis === void 0) {
        axis = 0;
      }
      if (exclusive === void 0) {
        exclusive = false;
      }
      if (reverse2 === void 0) {
        reverse2 = false;
      }
      var $x = convertToTensor(x, "x", "cumprod");
      var inputs = { x: $x };
      var attrs = { axis, exclusive, reverse: reverse2 };
      return ENGINE.runKernel(Cumprod, inputs, attrs);
    }
    var cumprod = /* @__PURE__ */ op({ cumprod_ });
    function expandDims_(x, axis) {
      if (axis === void 0) {
        axis = 0;
      }
      var $x = convertToTensor(x, "x", "expandDims", "string_or_numeric");
      assert(axis <= $x.rank, function() {
        return "Axis must be <= rank of the tensor";
      });
      var inputs = { input: $x };
      var attrs = { dim: axis };
      return ENGINE.runKernel(ExpandDims, inputs, attrs);
    }
    var expandDims = /* @__PURE__ */ op({ expandDims_ });
    function gather_(x, indices, axis, batchDims) {
      if (axis === void 0) {
        axis = 0;
      }
      if (batchDims === void 0) {
        batchDims = 0;
      }
      var $x = convertToTensor(x, "x", "gather");
      var $indices = convertToTensor(indices, "indices", "gather", "int32");
      var inputs = { x: $x, indices: $indices };
      var attrs = { axis, batchDims };
      return ENGINE.runKernel(GatherV2, inputs, attrs);
    }
    var gather = /* @__PURE__ */ op({ gather_ });
    function variableGrads(f, varList) {
      assert(isFunction(f), function() {
        return "The f passed in variableGrads(f) must be a function";
      });
      assert(varList == null || Array.isArray(varList) && varList.every(function(v) {
        return v instanceof Variable;
      }), function() {
        return "The varList passed in variableGrads(f, varList) must be an array of variables";
      });
      var specifiedVarList = varList != null;
      if (!specifiedVarList) {
        varList = [];
        for (var varName in ENGINE.registeredVariables) {
          varList.push(ENGINE.registeredVariables[varName]);
        }
      }
      var specifiedNonTrainable = specifiedVarList ? varList.filter(function(variable) {
        return !variable.trainable;
      }) : null;
      var originalVarCount = varList.length;
      varList = varList.filter(function(variable) {
        return variable.trainable;
      });
      assert(varList.length > 0, function() {
        return "variableGrads() expects at least one of the input variables to " + "be trainable, but none of the ".concat(originalVarCount, " variables is ") + "trainable.";
      });
      var allowNoGradients = true;
      var _a2 = ENGINE.gradients(f, varList, null, allowNoGradients), value = _a2.value, grads = _a2.grads;
      assert(grads.some(function(g) {
        return g != null;
      }), function() {
        return "Cannot find a connection between any variable and the result of the loss function y=f(x). Please make sure the operations that use variables are inside the function f passed to minimize().";
      });
      assert(value.rank === 0, function() {
        return "The f passed in variableGrads(f) must return a scalar, but it " + "returned a rank-".concat(value.rank, " tensor");
      });
      var namedGrads = {};
      varList.forEach(function(v, i) {
        if (grads[i] != null) {
          namedGrads[v.name] = grads[i];
        }
      });
      if (specifiedNonTrainable != null) {
        specifiedNonTrainable.forEach(function(v) {
          return namedGrads[v.name] = null;
        });
      }
      return { value, grads: namedGrads };
    }
    function logicalNot_(x) {
      var $x = convertToTensor(x, "x", "logicalNot", "bool");
      var inputs = { x: $x };
      return ENGINE.runKernel(LogicalNot, inputs);
    }
    var logicalNot = /* @__PURE__ */ op({ logicalNot_ });
    function maximum_(a, b) {
      var _a2;
      var $a = convertToTensor(a, "a", "maximum");
      var $b = convertToTensor(b, "b", "maximum");
      _a2 = __read(makeTypesMatch($a, $b), 2), $a = _a2[0], $b = _a2[1];
      if ($a.dtype === "bool") {
        $a = cast($a, "int32");
        $b = cast($b, "int32");
      }
      assertAndGetBroadcastShape($a.shape, $b.shape);
      var inputs = { a: $a, b: $b };
      return ENGINE.runKernel(Maximum$1, inputs);
    }
    var maximum$1 = /* @__PURE__ */ op({ maximum_ });
    function pad_(x, paddings, constantValue) {
      if (constantValue === void 0) {
        constantValue = 0;
      }
      var $x = convertToTensor(x, "x", "pad");
      if ($x.rank === 0) {
        throw new Error("pad(scalar) is not defined. Pass non-scalar to pad");
      }
      var attrs = { paddings, constantValue };
      var inputs = { x: $x };
      return ENGINE.runKernel(PadV2, inputs, attrs);
    }
    var pad = /* @__PURE__ */ op({ pad_ });
    var alea$1 = { exports: {} };
    (function(module2) {
      (function(global2, module3, define) {
        function Alea(seed) {
          var me = this, mash = Mash();
          me.next = function() {
            var t = 2091639 * me.s0 + me.c * 23283064365386963e-26;
            me.s0 = me.s1;
            me.s1 = me.s2;
            return me.s2 = t - (me.c = t | 0);
          };
          me.c = 1;
          me.s0 = mash(" ");
          me.s1 = mash(" ");
          me.s2 = mash(" ");
          me.s0 -= mash(seed);
          if (me.s0 < 0) {
            me.s0 += 1;
          }
          me.s1 -= mash(seed);
          if (me.s1 < 0) {
            me.s1 += 1;
          }
          me.s2 -= mash(seed);
          if (me.s2 < 0) {
            me.s2 += 1;
          }
          mash = null;
        }
        function copy(f, t) {
          t.c = f.c;
          t.s0 = f.s0;
          t.s1 = f.s1;
          t.s2 = f.s2;
          return t;
        }
        function impl(seed, opts) {
          var xg = new Alea(seed), state = opts && opts.state, prng = xg.next;
          prng.int32 = function() {
            return xg.next() * 4294967296 | 0;
          };
          prng.double = function() {
            return prng() + (prng() * 2097152 | 0) * 11102230246251565e-32;
          };
          prng.quick = prng;
          if (state) {
            if (typeof state == "object")
              copy(state, xg);
            prng.state = function() {
              return copy(xg, {});
            };
          }
          return prng;
        }
        function Mash() {
          var n = 4022871197;
          var mash = function(data) {
            data = String(data);
            for (var i = 0; i < data.length; i++) {
              n += data.charCodeAt(i);
              var h = 0.02519603282416938 * n;
              n = h >>> 0;
              h -= n;
              h *= n;
              n = h >>> 0;
              h -= n;
              n += h * 4294967296;
            }
            return (n >>> 0) * 23283064365386963e-26;
          };
          return mash;
        }
        if (module3 && module3.exports) {
          module3.exports = impl;
        } else if (define && define.amd) {
          define(function() {
            return impl;
          });
        } else {
          this.alea = impl;
        }
      })(
        commonjsGlobal,
        module2,
        // present in node.js
        false
        // present with an AMD loader
      );
    })(alea$1);
    var aleaExports = alea$1.exports;
    var xor128$1 = { exports: {} };
    (function(module2) {
      (function(global2, module3, define) {
        function XorGen(seed) {
          var me = this, strseed = "";
          me.x = 0;
          me.y = 0;
          me.z = 0;
          me.w = 0;
          me.next = function() {
            var t = me.x ^ me.x << 11;
            me.x = me.y;
            me.y = me.z;
            me.z = me.w;
            return me.w ^= me.w >>> 19 ^ t ^ t >>> 8;
          };
          if (seed === (seed | 0)) {
            me.x = seed;
          } else {
            strseed += seed;
          }
          for (var k = 0; k < strseed.length + 64; k++) {
            me.x ^= strseed.charCodeAt(k) | 0;
            me.next();
          }
        }
        function copy(f, t) {
          t.x = f.x;
          t.y = f.y;
          t.z = f.z;
          t.w = f.w;
          return t;
        }
        function impl(seed, opts) {
          var xg = new XorGen(seed), state = opts && opts.state, prng = function() {
            return (xg.next() >>> 0) / 4294967296;
          };
          prng.double = function() {
            do {
              var top = xg.next() >>> 11, bot = (xg.next() >>> 0) / 4294967296, result = (top + bot) / (1 << 21);
            } while (result === 0);
            return result;
          };
          prng.int32 = xg.next;
          prng.quick = prng;
          if (state) {
            if (typeof state == "object")
              copy(state, xg);
            prng.state = function() {
              return copy(xg, {});
            };
          }
          return prng;
        }
        if (module3 && module3.exports) {
          module3.exports = impl;
        } else if (define && define.amd) {
          define(function() {
            return impl;
          });
        } else {
          this.xor128 = impl;
        }
      })(
        commonjsGlobal,
        module2,
        // present in node.js
        false
        // present with an AMD loader
      );
    })(xor128$1);
    var xor128Exports = xor128$1.exports;
    var xorwow$1 = { exports: {} };
    (function(module2) {
      (function(global2, module3, define) {
        function XorGen(seed) {
          var me = this, strseed = "";
          me.next = function() {
            var t = me.x ^ me.x >>> 2;
            me.x = me.y;
            me.y = me.z;
            me.z = me.w;
            me.w = me.v;
            return (me.d = me.d + 362437 | 0) + (me.v = me.v ^ me.v << 4 ^ (t ^ t << 1)) | 0;
          };
          me.x = 0;
          me.y = 0;
          me.z = 0;
          me.w = 0;
          me.v = 0;
          if (seed === (seed | 0)) {
            me.x = seed;
          } else {
            strseed += seed;
          }
          for (var k = 0; k < strseed.length + 64; k++) {
            me.x ^= strseed.charCodeAt(k) | 0;
            if (k == strseed.length) {
              me.d = me.x << 10 ^ me.x >>> 4;
            }
            me.next();
          }
        }
        function copy(f, t) {
          t.x = f.x;
          t.y = f.y;
          t.z = f.z;
          t.w = f.w;
          t.v = f.v;
          t.d = f.d;
          return t;
        }
        function impl(seed, opts) {
          var xg = new XorGen(seed), state = opts && opts.state, prng = function() {
            return (xg.next() >>> 0) / 4294967296;
          };
          prng.double = function() {
            do {
              var top = xg.next() >>> 11, bot = (xg.next() >>> 0) / 4294967296, result = (top + bot) / (1 << 21);
            } while (result === 0);
            return result;
          };
          prng.int32 = xg.next;
          prng.quick = prng;
          if (state) {
            if (typeof state == "object")
              copy(state, xg);
            prng.state = function() {
              return copy(xg, {});
            };
          }
          return prng;
        }
        if (module3 && module3.exports) {
          module3.exports = impl;
        } else if (define && define.amd) {
          define(function() {
            return impl;
          });
        } else {
          this.xorwow = impl;
        }
      })(
        commonjsGlobal,
        module2,
        // present in node.js
        false
        // present with an AMD loader
      );
    })(xorwow$1);
    var xorwowExports = xorwow$1.exports;
    var xorshift7$1 = { exports: {} };
    (function(module2) {
      (function(global2, module3, define) {
        function XorGen(seed) {
          var me = this;
          me.next = function() {
            var X = me.x, i = me.i, t, v;
            t = X[i];
            t ^= t >>> 7;
            v = t ^ t << 24;
            t = X[i + 1 & 7];
            v ^= t ^ t >>> 10;
            t = X[i + 3 & 7];
            v ^= t ^ t >>> 3;
            t = X[i + 4 & 7];
            v ^= t ^ t << 7;
            t = X[i + 7 & 7];
            t = t ^ t << 13;
            v ^= t ^ t << 9;
            X[i] = v;
            me.i = i + 1 & 7;
            return v;
          };
          function init(me2, seed2) {
            var j, X = [];
            if (seed2 === (seed2 | 0)) {
              X[0] = seed2;
            } else {
              seed2 = "" + seed2;
              for (j = 0; j < seed2.length; ++j) {
                X[j & 7] = X[j & 7] << 15 ^ seed2.charCodeAt(j) + X[j + 1 & 7] << 13;
              }
            }
            while (X.length < 8)
              X.push(0);
            for (j = 0; j < 8 && X[j] === 0; ++j)
              ;
            if (j == 8)
              X[7] = -1;
            else
              X[j];
            me2.x = X;
            me2.i = 0;
            for (j = 256; j > 0; --j) {
              me2.next();
            }
          }
          init(me, seed);
        }
        function copy(f, t) {
          t.x = f.x.slice();
          t.i = f.i;
          return t;
        }
        function impl(seed, opts) {
          if (seed == null)
            seed = +/* @__PURE__ */ new Date();
          var xg = new XorGen(seed), state = opts && opts.state, prng = function() {
            return (xg.next() >>> 0) / 4294967296;
          };
          prng.double = function() {
            do {
              var top = xg.next() >>> 11, bot = (xg.next() >>> 0) / 4294967296, result = (top + bot) / (1 << 21);
            } while (result === 0);
            return result;
          };
          prng.int32 = xg.next;
          prng.quick = prng;
          if (state) {
            if (state.x)
              copy(state, xg);
            prng.state = function() {
              return copy(xg, {});
            };
          }
          return prng;
        }
        if (module3 && module3.exports) {
          module3.exports = impl;
        } else if (define && define.amd) {
          define(function() {
            return impl;
          });
        } else {
          this.xorshift7 = impl;
        }
      })(
        commonjsGlobal,
        module2,
        // present in node.js
        false
        // present with an AMD loader
      );
    })(xorshift7$1);
    var xorshift7Exports = xorshift7$1.exports;
    var xor4096$1 = { exports: {} };
    (function(module2) {
      (function(global2, module3, define) {
        function XorGen(seed) {
          var me = this;
          me.next = function() {
            var w = me.w, X = me.X, i = me.i, t, v;
            me.w = w = w + 1640531527 | 0;
            v = X[i + 34 & 127];
            t = X[i = i + 1 & 127];
            v ^= v << 13;
            t ^= t << 17;
            v ^= v >>> 15;
            t ^= t >>> 12;
            v = X[i] = v ^ t;
            me.i = i;
            return v + (w ^ w >>> 16) | 0;
          };
          function init(me2, seed2) {
            var t, v, i, j, w, X = [], limit = 128;
            if (seed2 === (seed2 | 0)) {
              v = seed2;
              seed2 = null;
            } else {
              seed2 = seed2 + "\0";
              v = 0;
              limit = Math.max(limit, seed2.length);
            }
            for (i = 0, j = -32; j < limit; ++j) {
              if (seed2)
                v ^= seed2.charCodeAt((j + 32) % seed2.length);
              if (j === 0)
                w = v;
              v ^= v << 10;
              v ^= v >>> 15;
              v ^= v << 4;
              v ^= v >>> 13;
              if (j >= 0) {
                w = w + 1640531527 | 0;
                t = X[j & 127] ^= v + w;
                i = 0 == t ? i + 1 : 0;
              }
            }
            if (i >= 128) {
              X[(seed2 && seed2.length || 0) & 127] = -1;
            }
            i = 127;
            for (j = 4 * 128; j > 0; --j) {
              v = X[i + 34 & 127];
              t = X[i = i + 1 & 127];
              v ^= v << 13;
              t ^= t << 17;
              v ^= v >>> 15;
              t ^= t >>> 12;
              X[i] = v ^ t;
            }
            me2.w = w;
            me2.X = X;
            me2.i = i;
          }
          init(me, seed);
        }
        function copy(f, t) {
          t.i = f.i;
          t.w = f.w;
          t.X = f.X.slice();
          return t;
        }
        function impl(seed, opts) {
          if (seed == null)
            seed = +/* @__PURE__ */ new Date();
          var xg = new XorGen(seed), state = opts && opts.state, prng = function() {
            return (xg.next() >>> 0) / 4294967296;
          };
          prng.double = function() {
            do {
              var top = xg.next() >>> 11, bot = (xg.next() >>> 0) / 4294967296, result = (top + bot) / (1 << 21);
            } while (result === 0);
            return result;
          };
          prng.int32 = xg.next;
          prng.quick = prng;
          if (state) {
            if (state.X)
              copy(state, xg);
            prng.state = function() {
              return copy(xg, {});
            };
          }
          return prng;
        }
        if (module3 && module3.exports) {
          module3.exports = impl;
        } else if (define && define.amd) {
          define(function() {
            return impl;
          });
        } else {
          this.xor4096 = impl;
        }
      })(
        commonjsGlobal,
        // window object or global
        module2,
        // present in node.js
        false
        // present with an AMD loader
      );
    })(xor4096$1);
    var xor4096Exports = xor4096$1.exports;
    var tychei$1 = { exports: {} };
    (function(module2) {
      (function(global2, module3, define) {
        function XorGen(seed) {
          var me = this, strseed = "";
          me.next = function() {
            var b = me.b, c = me.c, d = me.d, a = me.a;
            b = b << 25 ^ b >>> 7 ^ c;
            c = c - d | 0;
            d = d << 24 ^ d >>> 8 ^ a;
            a = a - b | 0;
            me.b = b = b << 20 ^ b >>> 12 ^ c;
            me.c = c = c - d | 0;
            me.d = d << 16 ^ c >>> 16 ^ a;
            return me.a = a - b | 0;
          };
          me.a = 0;
          me.b = 0;
          me.c = 2654435769 | 0;
          me.d = 1367130551;
          if (seed === Math.floor(seed)) {
            me.a = seed / 4294967296 | 0;
            me.b = seed | 0;
          } else {
            strseed += seed;
          }
          for (var k = 0; k < strseed.length + 20; k++) {
            me.b ^= strseed.charCodeAt(k) | 0;
            me.next();
          }
        }
        function copy(f, t) {
          t.a = f.a;
          t.b = f.b;
          t.c = f.c;
          t.d = f.d;
          return t;
        }
        function impl(seed, opts) {
          var xg = new XorGen(seed), state = opts && opts.state, prng = function() {
            return (xg.next() >>> 0) / 4294967296;
          };
          prng.double = function() {
            do {
              var top = xg.next() >>> 11, bot = (xg.next() >>> 0) / 4294967296, result = (top + bot) / (1 << 21);
            } while (result === 0);
            return result;
          };
          prng.int32 = xg.next;
          prng.quick = prng;
          if (state) {
            if (typeof state == "object")
              copy(state, xg);
            prng.state = function() {
              return copy(xg, {});
            };
          }
          return prng;
        }
        if (module3 && module3.exports) {
          module3.exports = impl;
        } else if (define && define.amd) {
          define(function() {
            return impl;
          });
        } else {
          this.tychei = impl;
        }
      })(
        commonjsGlobal,
        module2,
        // present in node.js
        false
        // present with an AMD loader
      );
    })(tychei$1);
    var tycheiExports = tychei$1.exports;
    var seedrandom = { exports: {} };
    var _nodeResolve_empty = {};
    var _nodeResolve_empty$1 = {
      __proto__: null,
      default: _nodeResolve_empty
    };
    var require$$0 = /* @__PURE__ */ getAugmentedNamespace(_nodeResolve_empty$1);
    (function(module2) {
      (function(global2, pool, math) {
        var width = 256, chunks = 6, digits = 52, rngname = "random", startdenom = math.pow(width, chunks), significance = math.pow(2, digits), overflow = significance * 2, mask = width - 1, nodecrypto;
        function seedrandom2(seed, options, callback) {
          var key = [];
          options = options == true ? { entropy: true } : options || {};
          var shortseed = mixkey(flatten2(options.entropy ? [seed, tostring(pool)] : seed == null ? autoseed() : seed, 3), key);
          var arc4 = new ARC4(key);
          var prng = function() {
            var n = arc4.g(chunks), d = startdenom, x = 0;
            while (n < significance) {
              n = (n + x) * width;
              d *= width;
              x = arc4.g(1);
            }
            while (n >= overflow) {
              n /= 2;
              d /= 2;
              x >>>= 1;
            }
            return (n + x) / d;
          };
          prng.int32 = function() {
            return arc4.g(4) | 0;
          };
          prng.quick = function() {
            return arc4.g(4) / 4294967296;
          };
          prng.double = prng;
          mixkey(tostring(arc4.S), pool);
          return (options.pass || callback || function(prng2, seed2, is_math_call, state) {
            if (state) {
              if (state.S) {
                copy(state, arc4);
              }
              prng2.state = function() {
                return copy(arc4, {});
              };
            }
            if (is_math_call) {
              math[rngname] = prng2;
              return seed2;
            } else
              return prng2;
          })(prng, shortseed, "global" in options ? options.global : this == math, options.state);
        }
        function ARC4(key) {
          var t, keylen = key.length, me = this, i = 0, j = me.i = me.j = 0, s = me.S = [];
          if (!keylen) {
            key = [keylen++];
          }
          while (i < width) {
            s[i] = i++;
          }
          for (i = 0; i < width; i++) {
            s[i] = s[j = mask & j + key[i % keylen] + (t = s[i])];
            s[j] = t;
          }
          (me.g = function(count2) {
            var t2, r = 0, i2 = me.i, j2 = me.j, s2 = me.S;
            while (count2--) {
              t2 = s2[i2 = mask & i2 + 1];
              r = r * width + s2[mask & (s2[i2] = s2[j2 = mask & j2 + t2]) + (s2[j2] = t2)];
            }
            me.i = i2;
            me.j = j2;
            return r;
          })(width);
        }
        function copy(f, t) {
          t.i = f.i;
          t.j = f.j;
          t.S = f.S.slice();
          return t;
        }
        function flatten2(obj, depth) {
          var result = [], typ = typeof obj, prop;
          if (depth && typ == "object") {
            for (prop in obj) {
              try {
                result.push(flatten2(obj[prop], depth - 1));
              } catch (e) {
              }
            }
          }
          return result.length ? result : typ == "string" ? obj : obj + "\0";
        }
        function mixkey(seed, key) {
          var stringseed = seed + "", smear, j = 0;
          while (j < stringseed.length) {
            key[mask & j] = mask & (smear ^= key[mask & j] * 19) + stringseed.charCodeAt(j++);
          }
          return tostring(key);
        }
        function autoseed() {
          try {
            var out;
            if (nodecrypto && (out = nodecrypto.randomBytes)) {
              out = out(width);
            } else {
              out = new Uint8Array(width);
              (global2.crypto || global2.msCrypto).getRandomValues(out);
            }
            return tostring(out);
          } catch (e) {
            var browser = global2.navigator, plugins = browser && browser.plugins;
            return [+/* @__PURE__ */ new Date(), global2, plugins, global2.screen, tostring(pool)];
          }
        }
        function tostring(a) {
          return String.fromCharCode.apply(0, a);
        }
        mixkey(math.random(), pool);
        if (module2.exports) {
          module2.exports = seedrandom2;
          try {
            nodecrypto = require$$0;
          } catch (ex) {
          }
        } else {
          math["seed" + rngname] = seedrandom2;
        }
      })(
        // global: `self` in browsers (including strict mode and web workers),
        // otherwise `this` in Node and other environments
        typeof self !== "undefined" ? self : commonjsGlobal,
        [],
        // pool: entropy pool starts empty
        Math
        // math: package containing random, pow, and seedrandom
      );
    })(seedrandom);
    var seedrandomExports = seedrandom.exports;
    var alea = aleaExports;
    var xor128 = xor128Exports;
    var xorwow = xorwowExports;
    var xorshift7 = xorshift7Exports;
    var xor4096 = xor4096Exports;
    var tychei = tycheiExports;
    var sr = seedrandomExports;
    sr.alea = alea;
    sr.xor128 = xor128;
    sr.xorwow = xorwow;
    sr.xorshift7 = xorshift7;
    sr.xor4096 = xor4096;
    sr.tychei = tychei;
    function reverse_(x, axis) {
      var $x = convertToTensor(x, "x", "reverse");
      var inputs = { x: $x };
      var attrs = { dims: axis };
      return ENGINE.runKernel(Reverse, inputs, attrs);
    }
    var reverse = /* @__PURE__ */ op({ reverse_ });
    function tensorScatterUpdate_(tensor, indices, updates) {
      var $tensor = convertToTensor(tensor, "tensor", "tensorScatterupdate");
      var $indices = convertToTensor(indices, "indices", "tensorScatterupdate", "int32");
      var $updates = convertToTensor(updates, "updates", "tensorScatterupdate");
      validateInput($updates, $indices, $tensor.shape);
      if ($tensor.dtype !== $updates.dtype) {
        throw new Error("tensor and updates must have the same dtype, instead they are ".concat($tensor.dtype, " and ").concat($updates.dtype, "."));
      }
      var inputs = {
        tensor: $tensor,
        indices: $indices,
        updates: $updates
      };
      var attrs = {};
      return ENGINE.runKernel(TensorScatterUpdate, inputs, attrs);
    }
    op({ tensorScatterUpdate_ });
    var Reduction;
    (function(Reduction2) {
      Reduction2[Reduction2["NONE"] = 0] = "NONE";
      Reduction2[Reduction2["MEAN"] = 1] = "MEAN";
      Reduction2[Reduction2["SUM"] = 2] = "SUM";
      Reduction2[Reduction2["SUM_BY_NONZERO_WEIGHTS"] = 3] = "SUM_BY_NONZERO_WEIGHTS";
    })(Reduction || (Reduction = {}));
    var Optimizer = (
      /** @class */
      (function(_super) {
        __extends(Optimizer2, _super);
        function Optimizer2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Optimizer2.prototype.minimize = function(f, returnCost, varList) {
          if (returnCost === void 0) {
            returnCost = false;
          }
          var _a2 = this.computeGradients(f, varList), value = _a2.value, grads = _a2.grads;
          if (varList != null) {
            var gradArray = varList.map(function(v) {
              return { name: v.name, tensor: grads[v.name] };
            });
            this.applyGradients(gradArray);
          } else {
            this.applyGradients(grads);
          }
          dispose(grads);
          if (returnCost) {
            return value;
          } else {
            value.dispose();
            return null;
          }
        };
        Object.defineProperty(Optimizer2.prototype, "iterations", {
          /**
           * The number of iterations that this optimizer instance has been invoked for.
           */
          get: function() {
            if (this.iterations_ == null) {
              this.iterations_ = 0;
            }
            return this.iterations_;
          },
          enumerable: false,
          configurable: true
        });
        Optimizer2.prototype.incrementIterations = function() {
          this.iterations_ = this.iterations + 1;
        };
        Optimizer2.prototype.computeGradients = function(f, varList) {
          return variableGrads(f, varList);
        };
        Optimizer2.prototype.dispose = function() {
          if (this.iterations_ != null) {
            dispose(this.iterations_);
          }
        };
        Optimizer2.prototype.saveIterations = function() {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              if (this.iterations_ == null) {
                this.iterations_ = 0;
              }
              return [2, {
                name: "iter",
                // TODO(cais): Use 'int64' type when available.
                tensor: scalar(this.iterations_, "int32")
              }];
            });
          });
        };
        Optimizer2.prototype.getWeights = function() {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              throw new Error("getWeights() is not implemented for this optimizer yet.");
            });
          });
        };
        Optimizer2.prototype.setWeights = function(weightValues) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              throw new Error("setWeights() is not implemented for this optimizer class " + "".concat(this.getClassName()));
            });
          });
        };
        Optimizer2.prototype.extractIterations = function(weightValues) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  _a2 = this;
                  return [4, weightValues[0].tensor.data()];
                case 1:
                  _a2.iterations_ = _b.sent()[0];
                  return [2, weightValues.slice(1)];
              }
            });
          });
        };
        return Optimizer2;
      })(Serializable)
    );
    Object.defineProperty(Optimizer, Symbol.hasInstance, {
      value: function(instance) {
        return instance.minimize != null && instance.computeGradients != null && instance.applyGradients != null;
      }
    });
    (function(_super) {
      __extends(AdadeltaOptimizer, _super);
      function AdadeltaOptimizer(learningRate, rho, epsilon2) {
        if (epsilon2 === void 0) {
          epsilon2 = null;
        }
        var _this = _super.call(this) || this;
        _this.learningRate = learningRate;
        _this.rho = rho;
        _this.epsilon = epsilon2;
        _this.accumulatedGrads = [];
        _this.accumulatedUpdates = [];
        if (epsilon2 == null) {
          _this.epsilon = ENGINE.backend.epsilon();
        }
        return _this;
      }
      Object.defineProperty(AdadeltaOptimizer, "className", {
        /** @nocollapse */
        get: function() {
          return "Adadelta";
        },
        enumerable: false,
        configurable: true
      });
      AdadeltaOptimizer.prototype.applyGradients = function(variableGradients) {
        var _this = this;
        var variableNames = Array.isArray(variableGradients) ? variableGradients.map(function(item) {
          return item.name;
        }) : Object.keys(variableGradients);
        variableNames.forEach(function(name, i) {
          var value = ENGINE.registeredVariables[name];
          var trainable = false;
          if (_this.accumulatedGrads[i] == null) {
            _this.accumulatedGrads[i] = {
              originalName: "".concat(name, "/accum_grad"),
              variable: tidy(function() {
                return zerosLike(value).variable(trainable);
              })
            };
          }
          if (_this.accumulatedUpdates[i] == null) {
            _this.accumulatedUpdates[i] = {
              originalName: "".concat(name, "/accum_var"),
              variable: tidy(function() {
                return zerosLike(value).variable(trainable);
              })
            };
          }
          var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
          if (gradient == null) {
            return;
          }
          var accumulatedGrad = _this.accumulatedGrads[i].variable;
          var accumulatedUpdate = _this.accumulatedUpdates[i].variable;
          tidy(function() {
            var newAccumulatedGrad = add$1(mul(accumulatedGrad, _this.rho), mul(square(gradient), 1 - _this.rho));
            var updates = mul(div(sqrt(add$1(accumulatedUpdate, _this.epsilon)), sqrt(add$1(accumulatedGrad, _this.epsilon))), gradient);
            var newAccumulatedUpdate = add$1(mul(accumulatedUpdate, _this.rho), mul(square(updates), 1 - _this.rho));
            accumulatedGrad.assign(newAccumulatedGrad);
            accumulatedUpdate.assign(newAccumulatedUpdate);
            var newValue = add$1(mul(updates, -_this.learningRate), value);
            value.assign(newValue);
          });
        });
        this.incrementIterations();
      };
      AdadeltaOptimizer.prototype.dispose = function() {
        if (this.accumulatedUpdates != null) {
          dispose(this.accumulatedGrads.map(function(v) {
            return v.variable;
          }));
          dispose(this.accumulatedUpdates.map(function(v) {
            return v.variable;
          }));
        }
      };
      AdadeltaOptimizer.prototype.getWeights = function() {
        return __awaiter(this, void 0, void 0, function() {
          var variables;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                variables = __spreadArray(__spreadArray([], __read(this.accumulatedGrads), false), __read(this.accumulatedUpdates), false);
                return [4, this.saveIterations()];
              case 1:
                return [2, [_a2.sent()].concat(variables.map(function(v) {
                  return { name: v.originalName, tensor: v.variable };
                }))];
            }
          });
        });
      };
      AdadeltaOptimizer.prototype.setWeights = function(weightValues) {
        return __awaiter(this, void 0, void 0, function() {
          var variableCount, trainable;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.extractIterations(weightValues)];
              case 1:
                weightValues = _a2.sent();
                variableCount = weightValues.length / 2;
                trainable = false;
                this.accumulatedGrads = weightValues.slice(0, variableCount).map(function(v) {
                  return {
                    originalName: v.name,
                    variable: v.tensor.variable(trainable)
                  };
                });
                this.accumulatedUpdates = weightValues.slice(variableCount, variableCount * 2).map(function(v) {
                  return {
                    originalName: v.name,
                    variable: v.tensor.variable(trainable)
                  };
                });
                return [
                  2
                  /*return*/
                ];
            }
          });
        });
      };
      AdadeltaOptimizer.prototype.getConfig = function() {
        return {
          "learningRate": this.learningRate,
          "rho": this.rho,
          "epsilon": this.epsilon
        };
      };
      AdadeltaOptimizer.fromConfig = function(cls, config) {
        return new cls(config["learningRate"], config["rho"], config["epsilon"]);
      };
      return AdadeltaOptimizer;
    })(Optimizer);
    (function(_super) {
      __extends(AdagradOptimizer, _super);
      function AdagradOptimizer(learningRate, initialAccumulatorValue) {
        if (initialAccumulatorValue === void 0) {
          initialAccumulatorValue = 0.1;
        }
        var _this = _super.call(this) || this;
        _this.learningRate = learningRate;
        _this.initialAccumulatorValue = initialAccumulatorValue;
        _this.accumulatedGrads = [];
        return _this;
      }
      Object.defineProperty(AdagradOptimizer, "className", {
        /** @nocollapse */
        get: function() {
          return "Adagrad";
        },
        enumerable: false,
        configurable: true
      });
      AdagradOptimizer.prototype.applyGradients = function(variableGradients) {
        var _this = this;
        var variableNames = Array.isArray(variableGradients) ? variableGradients.map(function(item) {
          return item.name;
        }) : Object.keys(variableGradients);
        variableNames.forEach(function(name, i) {
          var value = ENGINE.registeredVariables[name];
          if (_this.accumulatedGrads[i] == null) {
            var trainable_1 = false;
            _this.accumulatedGrads[i] = {
              originalName: "".concat(name, "/accumulator"),
              variable: tidy(function() {
                return fill(value.shape, _this.initialAccumulatorValue).variable(trainable_1);
              })
            };
          }
          var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
          if (gradient == null) {
            return;
          }
          var accumulatedGrad = _this.accumulatedGrads[i].variable;
          tidy(function() {
            var newAccumulatedGrad = add$1(accumulatedGrad, square(gradient));
            accumulatedGrad.assign(newAccumulatedGrad);
            var newValue = add$1(mul(div(gradient, sqrt(add$1(newAccumulatedGrad, ENGINE.backend.epsilon()))), -_this.learningRate), value);
            value.assign(newValue);
          });
        });
        this.incrementIterations();
      };
      AdagradOptimizer.prototype.dispose = function() {
        if (this.accumulatedGrads != null) {
          dispose(this.accumulatedGrads.map(function(v) {
            return v.variable;
          }));
        }
      };
      AdagradOptimizer.prototype.getWeights = function() {
        return __awaiter(this, void 0, void 0, function() {
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.saveIterations()];
              case 1:
                return [2, [_a2.sent()].concat(this.accumulatedGrads.map(function(v) {
                  return { name: v.originalName, tensor: v.variable };
                }))];
            }
          });
        });
      };
      AdagradOptimizer.prototype.setWeights = function(weightValues) {
        return __awaiter(this, void 0, void 0, function() {
          var trainable;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.extractIterations(weightValues)];
              case 1:
                weightValues = _a2.sent();
                trainable = false;
                this.accumulatedGrads = weightValues.map(function(v) {
                  return { originalName: v.name, variable: v.tensor.variable(trainable) };
                });
                return [
                  2
                  /*return*/
                ];
            }
          });
        });
      };
      AdagradOptimizer.prototype.getConfig = function() {
        return {
          "learningRate": this.learningRate,
          "initialAccumulatorValue": this.initialAccumulatorValue
        };
      };
      AdagradOptimizer.fromConfig = function(cls, config) {
        return new cls(config["learningRate"], config["initialAccumulatorValue"]);
      };
      return AdagradOptimizer;
    })(Optimizer);
    (function(_super) {
      __extends(AdamOptimizer, _super);
      function AdamOptimizer(learningRate, beta1, beta2, epsilon2) {
        if (epsilon2 === void 0) {
          epsilon2 = null;
        }
        var _this = _super.call(this) || this;
        _this.learningRate = learningRate;
        _this.beta1 = beta1;
        _this.beta2 = beta2;
        _this.epsilon = epsilon2;
        _this.accumulatedFirstMoment = [];
        _this.accumulatedSecondMoment = [];
        tidy(function() {
          _this.accBeta1 = scalar(beta1).variable();
          _this.accBeta2 = scalar(beta2).variable();
        });
        if (epsilon2 == null) {
          _this.epsilon = ENGINE.backend.epsilon();
        }
        return _this;
      }
      Object.defineProperty(AdamOptimizer, "className", {
        /** @nocollapse */
        get: function() {
          return "Adam";
        },
        enumerable: false,
        configurable: true
      });
      AdamOptimizer.prototype.applyGradients = function(variableGradients) {
        var _this = this;
        var varNames = Array.isArray(variableGradients) ? variableGradients.map(function(v) {
          return v.name;
        }) : Object.keys(variableGradients);
        tidy(function() {
          var oneMinusAccBeta1 = sub(1, _this.accBeta1);
          var oneMinusAccBeta2 = sub(1, _this.accBeta2);
          varNames.forEach(function(name, i) {
            var value = ENGINE.registeredVariables[name];
            var trainable = false;
            if (_this.accumulatedFirstMoment[i] == null) {
              _this.accumulatedFirstMoment[i] = {
                originalName: "".concat(name, "/m"),
                variable: tidy(function() {
                  return zerosLike(value).variable(trainable);
                })
              };
            }
            if (_this.accumulatedSecondMoment[i] == null) {
              _this.accumulatedSecondMoment[i] = {
                originalName: "".concat(name, "/v"),
                variable: tidy(function() {
                  return zerosLike(value).variable(trainable);
                })
              };
            }
            var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
            if (gradient == null) {
              return;
            }
            var firstMoment = _this.accumulatedFirstMoment[i].variable;
            var secondMoment = _this.accumulatedSecondMoment[i].variable;
            var newFirstMoment = add$1(mul(firstMoment, _this.beta1), mul(gradient, 1 - _this.beta1));
            var newSecondMoment = add$1(mul(secondMoment, _this.beta2), mul(square(gradient), 1 - _this.beta2));
            var biasCorrectedFirstMoment = div(newFirstMoment, oneMinusAccBeta1);
            var biasCorrectedSecondMoment = div(newSecondMoment, oneMinusAccBeta2);
            firstMoment.assign(newFirstMoment);
            secondMoment.assign(newSecondMoment);
            var newValue = add$1(mul(div(biasCorrectedFirstMoment, add$1(sqrt(biasCorrectedSecondMoment), _this.epsilon)), -_this.learningRate), value);
            value.assign(newValue);
          });
          _this.accBeta1.assign(mul(_this.accBeta1, _this.beta1));
          _this.accBeta2.assign(mul(_this.accBeta2, _this.beta2));
        });
        this.incrementIterations();
      };
      AdamOptimizer.prototype.dispose = function() {
        this.accBeta1.dispose();
        this.accBeta2.dispose();
        if (this.accumulatedFirstMoment != null) {
          dispose(this.accumulatedFirstMoment.map(function(v) {
            return v.variable;
          }));
        }
        if (this.accumulatedSecondMoment != null) {
          dispose(this.accumulatedSecondMoment.map(function(v) {
            return v.variable;
          }));
        }
      };
      AdamOptimizer.prototype.getWeights = function() {
        return __awaiter(this, void 0, void 0, function() {
          var variables;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                variables = __spreadArray(__spreadArray([], __read(this.accumulatedFirstMoment), false), __read(this.accumulatedSecondMoment), false);
                return [4, this.saveIterations()];
              case 1:
                return [2, [_a2.sent()].concat(variables.map(function(v) {
                  return { name: v.originalName, tensor: v.variable };
                }))];
            }
          });
        });
      };
      AdamOptimizer.prototype.setWeights = function(weightValues) {
        return __awaiter(this, void 0, void 0, function() {
          var variableCount, trainable;
          var _this = this;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.extractIterations(weightValues)];
              case 1:
                weightValues = _a2.sent();
                tidy(function() {
                  _this.accBeta1.assign(pow(_this.beta1, _this.iterations_ + 1));
                  _this.accBeta2.assign(pow(_this.beta2, _this.iterations_ + 1));
                });
                variableCount = weightValues.length / 2;
                trainable = false;
                this.accumulatedFirstMoment = weightValues.slice(0, variableCount).map(function(v) {
                  return {
                    originalName: v.name,
                    variable: v.tensor.variable(trainable)
                  };
                });
                this.accumulatedSecondMoment = weightValues.slice(variableCount, variableCount * 2).map(function(v) {
                  return {
                    originalName: v.name,
                    variable: v.tensor.variable(trainable)
                  };
                });
                return [
                  2
                  /*return*/
                ];
            }
          });
        });
      };
      AdamOptimizer.prototype.getConfig = function() {
        return {
          "learningRate": this.learningRate,
          "beta1": this.beta1,
          "beta2": this.beta2,
          "epsilon": this.epsilon
        };
      };
      AdamOptimizer.fromConfig = function(cls, config) {
        return new cls(config["learningRate"], config["beta1"], config["beta2"], config["epsilon"]);
      };
      return AdamOptimizer;
    })(Optimizer);
    (function(_super) {
      __extends(AdamaxOptimizer, _super);
      function AdamaxOptimizer(learningRate, beta1, beta2, epsilon2, decay) {
        if (epsilon2 === void 0) {
          epsilon2 = null;
        }
        if (decay === void 0) {
          decay = 0;
        }
        var _this = _super.call(this) || this;
        _this.learningRate = learningRate;
        _this.beta1 = beta1;
        _this.beta2 = beta2;
        _this.epsilon = epsilon2;
        _this.decay = decay;
        _this.accumulatedFirstMoment = [];
        _this.accumulatedWeightedInfNorm = [];
        tidy(function() {
          _this.iteration = scalar(0).variable();
          _this.accBeta1 = scalar(beta1).variable();
        });
        if (epsilon2 == null) {
          _this.epsilon = ENGINE.backend.epsilon();
        }
        return _this;
      }
      Object.defineProperty(AdamaxOptimizer, "className", {
        /** @nocollapse */
        get: function() {
          return "Adamax";
        },
        enumerable: false,
        configurable: true
      });
      AdamaxOptimizer.prototype.applyGradients = function(variableGradients) {
        var _this = this;
        var variableNames = Array.isArray(variableGradients) ? variableGradients.map(function(item) {
          return item.name;
        }) : Object.keys(variableGradients);
        tidy(function() {
          var oneMinusAccBeta1 = sub(1, _this.accBeta1);
          var lr = div(-_this.learningRate, add$1(mul(_this.iteration, _this.decay), 1));
          variableNames.forEach(function(name, i) {
            var value = ENGINE.registeredVariables[name];
            var trainable = false;
            if (_this.accumulatedFirstMoment[i] == null) {
              _this.accumulatedFirstMoment[i] = {
                originalName: "".concat(name, "/m"),
                variable: zerosLike(value).variable(trainable)
              };
            }
            if (_this.accumulatedWeightedInfNorm[i] == null) {
              _this.accumulatedWeightedInfNorm[i] = {
                originalName: "".concat(name, "/v"),
                variable: zerosLike(value).variable(trainable)
              };
            }
            var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
            if (gradient == null) {
              return;
            }
            var firstMoment = _this.accumulatedFirstMoment[i].variable;
            var weightedInfNorm = _this.accumulatedWeightedInfNorm[i].variable;
            var newFirstMoment = add$1(mul(firstMoment, _this.beta1), mul(gradient, 1 - _this.beta1));
            var ut0 = mul(weightedInfNorm, _this.beta2);
            var ut1 = abs(gradient);
            var newWeightedInfNorm = maximum$1(ut0, ut1);
            firstMoment.assign(newFirstMoment);
            weightedInfNorm.assign(newWeightedInfNorm);
            var newValue = add$1(mul(div(lr, oneMinusAccBeta1), div(newFirstMoment, add$1(newWeightedInfNorm, _this.epsilon))), value);
            value.assign(newValue);
          });
          _this.iteration.assign(add$1(_this.iteration, 1));
          _this.accBeta1.assign(mul(_this.accBeta1, _this.beta1));
        });
        this.incrementIterations();
      };
      AdamaxOptimizer.prototype.dispose = function() {
        this.accBeta1.dispose();
        this.iteration.dispose();
        if (this.accumulatedFirstMoment != null) {
          dispose(this.accumulatedFirstMoment.map(function(v) {
            return v.variable;
          }));
        }
        if (this.accumulatedWeightedInfNorm != null) {
          dispose(this.accumulatedWeightedInfNorm.map(function(v) {
            return v.variable;
          }));
        }
      };
      AdamaxOptimizer.prototype.getWeights = function() {
        return __awaiter(this, void 0, void 0, function() {
          return __generator(this, function(_a2) {
            throw new Error("getWeights() is not implemented for Adamax yet.");
          });
        });
      };
      AdamaxOptimizer.prototype.setWeights = function(weightValues) {
        return __awaiter(this, void 0, void 0, function() {
          return __generator(this, function(_a2) {
            throw new Error("setWeights() is not implemented for Adamax yet.");
          });
        });
      };
      AdamaxOptimizer.prototype.getConfig = function() {
        return {
          "learningRate": this.learningRate,
          "beta1": this.beta1,
          "beta2": this.beta2,
          "epsilon": this.epsilon,
          "decay": this.decay
        };
      };
      AdamaxOptimizer.fromConfig = function(cls, config) {
        return new cls(config["learningRate"], config["beta1"], config["beta2"], config["epsilon"], config["decay"]);
      };
      return AdamaxOptimizer;
    })(Optimizer);
    var SGDOptimizer = (
      /** @class */
      (function(_super) {
        __extends(SGDOptimizer2, _super);
        function SGDOptimizer2(learningRate) {
          var _this = _super.call(this) || this;
          _this.learningRate = learningRate;
          _this.setLearningRate(learningRate);
          return _this;
        }
        Object.defineProperty(SGDOptimizer2, "className", {
          /** @nocollapse */
          get: function() {
            return "SGD";
          },
          enumerable: false,
          configurable: true
        });
        SGDOptimizer2.prototype.applyGradients = function(variableGradients) {
          var _this = this;
          var varNames = Array.isArray(variableGradients) ? variableGradients.map(function(v) {
            return v.name;
          }) : Object.keys(variableGradients);
          varNames.forEach(function(name, i) {
            var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
            if (gradient == null) {
              return;
            }
            var value = ENGINE.registeredVariables[name];
            tidy(function() {
              var newValue = add$1(mul(_this.c, gradient), value);
              value.assign(newValue);
            });
          });
          this.incrementIterations();
        };
        SGDOptimizer2.prototype.setLearningRate = function(learningRate) {
          this.learningRate = learningRate;
          if (this.c != null) {
            this.c.dispose();
          }
          this.c = keep(scalar(-learningRate));
        };
        SGDOptimizer2.prototype.dispose = function() {
          this.c.dispose();
        };
        SGDOptimizer2.prototype.getWeights = function() {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  return [4, this.saveIterations()];
                case 1:
                  return [2, [_a2.sent()]];
              }
            });
          });
        };
        SGDOptimizer2.prototype.setWeights = function(weightValues) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  return [4, this.extractIterations(weightValues)];
                case 1:
                  weightValues = _a2.sent();
                  if (weightValues.length !== 0) {
                    throw new Error("SGD optimizer does not have settable weights.");
                  }
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        SGDOptimizer2.prototype.getConfig = function() {
          return { "learningRate": this.learningRate };
        };
        SGDOptimizer2.fromConfig = function(cls, config) {
          return new cls(config["learningRate"]);
        };
        return SGDOptimizer2;
      })(Optimizer)
    );
    (function(_super) {
      __extends(MomentumOptimizer, _super);
      function MomentumOptimizer(learningRate, momentum, useNesterov) {
        if (useNesterov === void 0) {
          useNesterov = false;
        }
        var _this = _super.call(this, learningRate) || this;
        _this.learningRate = learningRate;
        _this.momentum = momentum;
        _this.useNesterov = useNesterov;
        _this.accumulations = [];
        _this.m = scalar(_this.momentum);
        return _this;
      }
      Object.defineProperty(MomentumOptimizer, "className", {
        /** @nocollapse */
        // Name matters for Python compatibility.
        get: function() {
          return "Momentum";
        },
        enumerable: false,
        configurable: true
      });
      MomentumOptimizer.prototype.applyGradients = function(variableGradients) {
        var _this = this;
        var variableNames = Array.isArray(variableGradients) ? variableGradients.map(function(item) {
          return item.name;
        }) : Object.keys(variableGradients);
        variableNames.forEach(function(name, i) {
          var value = ENGINE.registeredVariables[name];
          if (_this.accumulations[i] == null) {
            var trainable_1 = false;
            _this.accumulations[i] = {
              originalName: "".concat(name, "/momentum"),
              variable: tidy(function() {
                return zerosLike(value).variable(trainable_1);
              })
            };
          }
          var accumulation = _this.accumulations[i].variable;
          var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
          if (gradient == null) {
            return;
          }
          tidy(function() {
            var newValue;
            var newAccumulation = add$1(mul(_this.m, accumulation), gradient);
            if (_this.useNesterov) {
              newValue = add$1(mul(_this.c, add$1(gradient, mul(newAccumulation, _this.m))), value);
            } else {
              newValue = add$1(mul(_this.c, newAccumulation), value);
            }
            accumulation.assign(newAccumulation);
            value.assign(newValue);
          });
        });
        this.incrementIterations();
      };
      MomentumOptimizer.prototype.dispose = function() {
        this.m.dispose();
        if (this.accumulations != null) {
          dispose(this.accumulations.map(function(v) {
            return v.variable;
          }));
        }
      };
      MomentumOptimizer.prototype.setMomentum = function(momentum) {
        this.momentum = momentum;
      };
      MomentumOptimizer.prototype.getWeights = function() {
        return __awaiter(this, void 0, void 0, function() {
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.saveIterations()];
              case 1:
                return [2, [_a2.sent()].concat(this.accumulations.map(function(v) {
                  return { name: v.originalName, tensor: v.variable };
                }))];
            }
          });
        });
      };
      MomentumOptimizer.prototype.setWeights = function(weightValues) {
        return __awaiter(this, void 0, void 0, function() {
          var trainable;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.extractIterations(weightValues)];
              case 1:
                weightValues = _a2.sent();
                trainable = false;
                this.accumulations = weightValues.map(function(v) {
                  return { originalName: v.name, variable: v.tensor.variable(trainable) };
                });
                return [
                  2
                  /*return*/
                ];
            }
          });
        });
      };
      MomentumOptimizer.prototype.getConfig = function() {
        return {
          "learningRate": this.learningRate,
          "momentum": this.momentum,
          "useNesterov": this.useNesterov
        };
      };
      MomentumOptimizer.fromConfig = function(cls, config) {
        return new cls(config["learningRate"], config["momentum"], config["useNesterov"]);
      };
      return MomentumOptimizer;
    })(SGDOptimizer);
    (function(_super) {
      __extends(RMSPropOptimizer, _super);
      function RMSPropOptimizer(learningRate, decay, momentum, epsilon2, centered) {
        if (decay === void 0) {
          decay = 0.9;
        }
        if (momentum === void 0) {
          momentum = 0;
        }
        if (epsilon2 === void 0) {
          epsilon2 = null;
        }
        if (centered === void 0) {
          centered = false;
        }
        var _this = _super.call(this) || this;
        _this.learningRate = learningRate;
        _this.decay = decay;
        _this.momentum = momentum;
        _this.epsilon = epsilon2;
        _this.accumulatedMeanSquares = [];
        _this.accumulatedMoments = [];
        _this.accumulatedMeanGrads = [];
        _this.centered = centered;
        if (epsilon2 == null) {
          _this.epsilon = ENGINE.backend.epsilon();
        }
        if (learningRate == null) {
          throw new Error("learningRate for RMSPropOptimizer must be defined.");
        }
        return _this;
      }
      Object.defineProperty(RMSPropOptimizer, "className", {
        /** @nocollapse */
        get: function() {
          return "RMSProp";
        },
        enumerable: false,
        configurable: true
      });
      RMSPropOptimizer.prototype.applyGradients = function(variableGradients) {
        var _this = this;
        var variableNames = Array.isArray(variableGradients) ? variableGradients.map(function(item) {
          return item.name;
        }) : Object.keys(variableGradients);
        variableNames.forEach(function(name, i) {
          var value = ENGINE.registeredVariables[name];
          var trainable = false;
          if (_this.accumulatedMeanSquares[i] == null) {
            _this.accumulatedMeanSquares[i] = {
              originalName: "".concat(name, "/rms"),
              variable: tidy(function() {
                return zerosLike(value).variable(trainable);
              })
            };
          }
          if (_this.accumulatedMoments[i] == null) {
            _this.accumulatedMoments[i] = {
              originalName: "".concat(name, "/momentum"),
              variable: tidy(function() {
                return zerosLike(value).variable(trainable);
              })
            };
          }
          if (_this.accumulatedMeanGrads[i] == null && _this.centered) {
            _this.accumulatedMeanGrads[i] = {
              originalName: "".concat(name, "/mg"),
              variable: tidy(function() {
                return zerosLike(value).variable(trainable);
              })
            };
          }
          var gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
          if (gradient == null) {
            return;
          }
          var accumulatedMeanSquare = _this.accumulatedMeanSquares[i].variable;
          var accumulatedMoments = _this.accumulatedMoments[i].variable;
          tidy(function() {
            var newAccumulatedMeanSquare = add$1(mul(accumulatedMeanSquare, _this.decay), mul(square(gradient), 1 - _this.decay));
            if (_this.centered) {
              var accumulatedMeanGrad = _this.accumulatedMeanGrads[i].variable;
              var newAccumulatedMeanGrad = add$1(mul(accumulatedMeanGrad, _this.decay), mul(gradient, 1 - _this.decay));
              var gradContribution = div(mul(gradient, _this.learningRate), sqrt(sub(newAccumulatedMeanSquare, add$1(square(newAccumulatedMeanGrad), _this.epsilon))));
              var newAccumulatedMoments = add$1(mul(accumulatedMoments, _this.momentum), gradContribution);
              accumulatedMeanSquare.assign(newAccumulatedMeanSquare);
              accumulatedMeanGrad.assign(newAccumulatedMeanGrad);
              accumulatedMoments.assign(newAccumulatedMoments);
              var newValue = sub(value, newAccumulatedMoments);
              value.assign(newValue);
            } else {
              var newAccumulatedMeanSquare_1 = add$1(mul(accumulatedMeanSquare, _this.decay), mul(square(gradient), 1 - _this.decay));
              var newAccumulatedMoments = add$1(mul(accumulatedMoments, _this.momentum), div(mul(gradient, _this.learningRate), sqrt(add$1(newAccumulatedMeanSquare_1, _this.epsilon))));
              accumulatedMeanSquare.assign(newAccumulatedMeanSquare_1);
              accumulatedMoments.assign(newAccumulatedMoments);
              var newValue = sub(value, newAccumulatedMoments);
              value.assign(newValue);
            }
          });
        });
        this.incrementIterations();
      };
      RMSPropOptimizer.prototype.dispose = function() {
        if (this.accumulatedMeanSquares != null) {
          dispose(this.accumulatedMeanSquares.map(function(v) {
            return v.variable;
          }));
        }
        if (this.accumulatedMeanGrads != null && this.centered) {
          dispose(this.accumulatedMeanGrads.map(function(v) {
            return v.variable;
          }));
        }
        if (this.accumulatedMoments != null) {
          dispose(this.accumulatedMoments.map(function(v) {
            return v.variable;
          }));
        }
      };
      RMSPropOptimizer.prototype.getWeights = function() {
        return __awaiter(this, void 0, void 0, function() {
          var variables;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                variables = __spreadArray(__spreadArray([], __read(this.accumulatedMeanSquares), false), __read(this.accumulatedMoments), false);
                if (this.centered) {
                  variables.push.apply(variables, __spreadArray([], __read(this.accumulatedMeanGrads), false));
                }
                return [4, this.saveIterations()];
              case 1:
                return [2, [_a2.sent()].concat(variables.map(function(v) {
                  return { name: v.originalName, tensor: v.variable };
                }))];
            }
          });
        });
      };
      RMSPropOptimizer.prototype.setWeights = function(weightValues) {
        return __awaiter(this, void 0, void 0, function() {
          var variableCount, trainable;
          return __generator(this, function(_a2) {
            switch (_a2.label) {
              case 0:
                return [4, this.extractIterations(weightValues)];
              case 1:
                weightValues = _a2.sent();
                variableCount = this.centered ? weightValues.length / 3 : weightValues.length / 2;
                trainable = false;
                this.accumulatedMeanSquares = weightValues.slice(0, variableCount).map(function(v) {
                  return {
                    originalName: v.name,
                    variable: v.tensor.variable(trainable)
                  };
                });
                this.accumulatedMoments = weightValues.slice(variableCount, variableCount * 2).map(function(v) {
                  return {
                    originalName: v.name,
                    variable: v.tensor.variable(trainable)
                  };
                });
                if (this.centered) {
                  this.accumulatedMeanGrads = weightValues.slice(variableCount * 2, variableCount * 3).map(function(v) {
                    return {
                      originalName: v.name,
                      variable: v.tensor.variable(trainable)
                    };
                  });
                }
                return [
                  2
                  /*return*/
                ];
            }
          });
        });
      };
      RMSPropOptimizer.prototype.getConfig = function() {
        return {
          "learningRate": this.learningRate,
          "decay": this.decay,
          "momentum": this.momentum,
          "epsilon": this.epsilon,
          "centered": this.centered
        };
      };
      RMSPropOptimizer.fromConfig = function(cls, config) {
        return new cls(config["learningRate"], config["decay"], config["momentum"], config["epsilon"], config["centered"]);
      };
      return RMSPropOptimizer;
    })(Optimizer);
    (function() {
      if (typeof requestAnimationFrame !== "undefined") {
        return requestAnimationFrame;
      } else if (typeof setImmediate !== "undefined") {
        return setImmediate;
      }
      return function(f) {
        return f();
      };
    })();
    var RowPartitionType;
    (function(RowPartitionType2) {
      RowPartitionType2[RowPartitionType2["FIRST_DIM_SIZE"] = 0] = "FIRST_DIM_SIZE";
      RowPartitionType2[RowPartitionType2["VALUE_ROWIDS"] = 1] = "VALUE_ROWIDS";
      RowPartitionType2[RowPartitionType2["ROW_LENGTHS"] = 2] = "ROW_LENGTHS";
      RowPartitionType2[RowPartitionType2["ROW_SPLITS"] = 3] = "ROW_SPLITS";
      RowPartitionType2[RowPartitionType2["ROW_LIMITS"] = 4] = "ROW_LIMITS";
      RowPartitionType2[RowPartitionType2["ROW_STARTS"] = 5] = "ROW_STARTS";
    })(RowPartitionType || (RowPartitionType = {}));
    var SELU_SCALEALPHA = 1.7580993408473768;
    var SELU_SCALE = 1.0507009873554805;
    function prodGradFn_(x, dy, axis) {
      var expandedYShape = x.shape.slice();
      expandedYShape[axis] = 1;
      var expandedDy = reshape$1(dy, expandedYShape);
      var xCumProd = cumprod(x, axis, true, false);
      var xCumRevProd = cumprod(x, axis, true, true);
      var dx = mul(xCumProd, xCumRevProd);
      return mul(expandedDy, dx);
    }
    function prodsGradFn_(x, dy, axis) {
      var xRank = x.shape.length;
      var finalProdAxis = xRank - axis.length;
      var xPermutation = getAxesPermutation(axis, xRank);
      var permutedX = x;
      if (xPermutation != null) {
        permutedX = transpose(x, xPermutation);
      }
      var newShape = permutedX.shape.slice();
      var removedShape = newShape.splice(xRank - axis.length, axis.length);
      var endPartShape = removedShape.reduce(function(p, c) {
        return p * c;
      }, 1);
      newShape.push(endPartShape);
      var reshapedPermutedX = permutedX.reshape(newShape);
      var prodGrad = prodGradFn_(reshapedPermutedX, dy, finalProdAxis);
      prodGrad = prodGrad.reshape(permutedX.shape);
      if (xPermutation != null) {
        var undoPermutation = getUndoAxesPermutation(xPermutation);
        prodGrad = transpose(prodGrad, undoPermutation);
      }
      return prodGrad;
    }
    var prodGradConfig = {
      kernelName: Prod,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var axis = attrs.axis;
        var axisArr = [];
        if (axis === void 0 || axis === null) {
          axisArr = x.shape.map(function(_, i) {
            return i;
          });
        } else if (typeof axis === "number") {
          axisArr = [axis];
        } else {
          axisArr = axis;
        }
        return { x: function() {
          return prodsGradFn_(x, dy, axisArr);
        } };
      }
    };
    var divGradConfig = {
      kernelName: RealDiv,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var res = div(dy, cast(b, "float32"));
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            return reshape$1(sum(res, reduceAxes), a.shape);
          }
          return res;
        };
        var derB = function() {
          var res = mul(dy, cast(a, "float32"));
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            res = reshape$1(sum(res, reduceAxes), b.shape);
          }
          var tmp = square(b);
          return neg(div(res, cast(tmp, "float32")));
        };
        return { a: derA, b: derB };
      }
    };
    var reciprocalGradConfig = {
      kernelName: Reciprocal,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, neg(square(x)));
        } };
      }
    };
    var relu6GradConfig = {
      kernelName: Relu6$1,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var mask = mul(lessEqual(x, 6), step(x));
        return { x: function() {
          return mul(dy, cast(mask, "float32"));
        } };
      }
    };
    var reluGradConfig = {
      kernelName: Relu$1,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(dy, cast(step(x), "float32"));
        } };
      }
    };
    var reshapeGradConfig = {
      kernelName: Reshape$1,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return reshape$1(dy, x.shape);
        } };
      }
    };
    var resizeBilinearGradConfig = {
      kernelName: ResizeBilinear,
      inputsToSave: ["images"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), images = _a2[0];
        var inputs = { dy, images };
        var imagesDer = function() {
          return ENGINE.runKernel(ResizeBilinearGrad, inputs, attrs);
        };
        return { images: imagesDer };
      }
    };
    var resizeNearestNeighborGradConfig = {
      kernelName: ResizeNearestNeighbor,
      inputsToSave: ["images"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), images = _a2[0];
        var inputs = { dy, images };
        var imagesDer = function() {
          return ENGINE.runKernel(ResizeNearestNeighborGrad, inputs, attrs);
        };
        return { images: imagesDer };
      }
    };
    var reverseGradConfig = {
      kernelName: Reverse,
      gradFunc: function(dy, saved, attrs) {
        var dims = attrs.dims;
        var axes = parseAxisParam(dims, dy.shape);
        return { x: function() {
          return reverse(dy, axes);
        } };
      }
    };
    var roundGradConfig = {
      kernelName: Round,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var rsqrtGradConfig = {
      kernelName: Rsqrt,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return neg(div(dy, mul(pow(x, 1.5), 2)));
        } };
      }
    };
    var selectGradConfig = {
      kernelName: Select,
      inputsToSave: ["condition"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), condition = _a2[0];
        return {
          // TODO(julianoks): Return null for condition gradient
          // when backprop supports it.
          condition: function() {
            return cast(zerosLike(condition), "float32");
          },
          t: function() {
            return mul(dy, cast(condition, dy.dtype));
          },
          e: function() {
            return mul(dy, cast(logicalNot(condition), dy.dtype));
          }
        };
      }
    };
    var seluGradConfig = {
      kernelName: Selu$1,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return {
          x: function() {
            var mask = greater$1(x, scalar(0));
            var scaleAlpha = scalar(SELU_SCALEALPHA);
            var scale = scalar(SELU_SCALE);
            var greaterThanZeroDer = mul(dy, scale);
            var lessEqualZeroDer = mul(mul(dy, scaleAlpha), exp(cast(x, "float32")));
            return where(mask, greaterThanZeroDer, lessEqualZeroDer);
          }
        };
      }
    };
    var sigmoidGradConfig = {
      kernelName: Sigmoid$1,
      outputsToSave: [true],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), y = _a2[0];
        return { x: function() {
          return mul(dy, mul(y, sub(scalar(1), y)));
        } };
      }
    };
    var signGradConfig = {
      kernelName: Sign,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var sinGradConfig = {
      kernelName: Sin,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(cos(cast(x, "float32")), dy);
        } };
      }
    };
    var sinhGradConfig = {
      kernelName: Sinh,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(cosh(cast(x, "float32")), dy);
        } };
      }
    };
    var sliceGradConfig = {
      kernelName: Slice,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var begin = attrs.begin, size = attrs.size;
        var inputShape = x.shape;
        var _b = __read(parseSliceParams(x, begin, size), 2), begin_ = _b[0], size_ = _b[1];
        var paddings = [];
        for (var i = 0; i < dy.rank; i++) {
          paddings.push([begin_[i], inputShape[i] - begin_[i] - size_[i]]);
        }
        return { x: function() {
          return pad(dy, paddings);
        } };
      }
    };
    var softmaxGradConfig = {
      kernelName: Softmax$2,
      outputsToSave: [true],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), y = _a2[0];
        var dim = attrs.dim;
        var keepDims = true;
        var dyTimesY = mul(dy, y);
        return {
          logits: function() {
            return sub(dyTimesY, mul(sum(dyTimesY, [dim], keepDims), y));
          }
        };
      }
    };
    var softplusGradConfig = {
      kernelName: Softplus$1,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(dy, sigmoid(x));
        } };
      }
    };
    var spaceToBatchNDGradConfig = {
      kernelName: SpaceToBatchND,
      gradFunc: function(dy, saved, attrs) {
        var blockShape = attrs.blockShape, paddings = attrs.paddings;
        return { x: function() {
          return batchToSpaceND(dy, blockShape, paddings);
        } };
      }
    };
    var splitVGradConfig = {
      kernelName: SplitV,
      gradFunc: function(dy, saved, attrs) {
        var axis = attrs.axis;
        return { x: function() {
          return concat(dy, axis);
        } };
      }
    };
    var sqrtGradConfig = {
      kernelName: Sqrt,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, mul(sqrt(cast(x, "float32")), 2));
        } };
      }
    };
    var squareGradConfig = {
      kernelName: Square,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return mul(dy, mul(cast(x, "float32"), 2));
        } };
      }
    };
    var squaredDifferenceGradConfig = {
      kernelName: SquaredDifference,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var two = scalar(2);
        var derA = function() {
          return mul(dy, mul(two, sub(a, b)));
        };
        var derB = function() {
          return mul(dy, mul(two, sub(b, a)));
        };
        return { a: derA, b: derB };
      }
    };
    var stepGradConfig = {
      kernelName: Step,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var subGradConfig = {
      kernelName: Sub,
      inputsToSave: ["a", "b"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 2), a = _a2[0], b = _a2[1];
        var outShape = assertAndGetBroadcastShape(a.shape, b.shape);
        var derA = function() {
          var res = dy;
          var reduceAxes = getReductionAxes(a.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(res, a.shape);
        };
        var derB = function() {
          var res = dy;
          var reduceAxes = getReductionAxes(b.shape, outShape);
          if (reduceAxes.length > 0) {
            res = sum(res, reduceAxes);
          }
          return reshape$1(neg(res), b.shape);
        };
        return { a: derA, b: derB };
      }
    };
    var sumGradConfig = {
      kernelName: Sum,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var expandedDyShape = x.shape.slice();
        var axis = attrs.axis;
        var axes = parseAxisParam(axis, x.shape);
        axes.forEach(function(axis2) {
          expandedDyShape[axis2] = 1;
        });
        var expandedDy = reshape$1(dy, expandedDyShape);
        var derX = mul(expandedDy, ones$1(x.shape, "float32"));
        return { x: function() {
          return derX;
        } };
      }
    };
    var tanGradConfig = {
      kernelName: Tan,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), x = _a2[0];
        return { x: function() {
          return div(dy, square(cos(x)));
        } };
      }
    };
    var tanhGradConfig = {
      kernelName: Tanh$1,
      outputsToSave: [true],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), y = _a2[0];
        return { x: function() {
          return mul(sub(scalar(1), square(y)), dy);
        } };
      }
    };
    var tileGradConfig = {
      kernelName: Tile,
      inputsToSave: ["x"],
      gradFunc: function(dy, saved, attrs) {
        var _a2 = __read(saved, 1), x = _a2[0];
        var reps = attrs.reps;
        var derX = function() {
          var xGrad = zerosLike(x);
          if (x.rank === 1) {
            for (var i = 0; i < reps[0]; ++i) {
              xGrad = add$1(xGrad, slice(dy, [i * x.shape[0]], [x.shape[0]]));
            }
          } else if (x.rank === 2) {
            for (var i = 0; i < reps[0]; ++i) {
              for (var j = 0; j < reps[1]; ++j) {
                xGrad = add$1(xGrad, slice(dy, [i * x.shape[0], j * x.shape[1]], [
                  x.shape[0],
                  x.shape[1]
                ]));
              }
            }
          } else if (x.rank === 3) {
            for (var i = 0; i < reps[0]; ++i) {
              for (var j = 0; j < reps[1]; ++j) {
                for (var k = 0; k < reps[2]; ++k) {
                  xGrad = add$1(xGrad, slice(dy, [i * x.shape[0], j * x.shape[1], k * x.shape[2]], [x.shape[0], x.shape[1], x.shape[2]]));
                }
              }
            }
          } else if (x.rank === 4) {
            for (var i = 0; i < reps[0]; ++i) {
              for (var j = 0; j < reps[1]; ++j) {
                for (var k = 0; k < reps[2]; ++k) {
                  for (var l = 0; l < reps[3]; ++l) {
                    xGrad = add$1(xGrad, slice(dy, [
                      i * x.shape[0],
                      j * x.shape[1],
                      k * x.shape[2],
                      l * x.shape[3]
                    ], [x.shape[0], x.shape[1], x.shape[2], x.shape[3]]));
                  }
                }
              }
            }
          } else {
            throw new Error("Gradient for tile operation is not implemented for rank-" + "".concat(x.rank, " tensors yet."));
          }
          return xGrad;
        };
        return { x: derX };
      }
    };
    var transposeGradConfig = {
      kernelName: Transpose,
      gradFunc: function(dy, saved, attrs) {
        var transposeAttrs = attrs;
        var perm = transposeAttrs.perm;
        var undoPerm = getUndoAxesPermutation(perm);
        return { x: function() {
          return transpose(dy, undoPerm);
        } };
      }
    };
    var unpackGradConfig = {
      kernelName: Unpack,
      gradFunc: function(dy, saved, attrs) {
        var unpackAttrs = attrs;
        var axis = unpackAttrs.axis;
        return { value: function() {
          return stack(dy, axis);
        } };
      }
    };
    var unsortedSegmentSumGradConfig = {
      kernelName: UnsortedSegmentSum,
      inputsToSave: ["segmentIds"],
      gradFunc: function(dy, saved) {
        var _a2 = __read(saved, 1), segmentIds = _a2[0];
        var derX = function() {
          return gatherDropNegatives(dy, segmentIds);
        };
        return { x: derX };
      }
    };
    function gatherDropNegatives(x, indices) {
      var zeroClippedIndices = maximum$1(indices, zerosLike(indices));
      var gathered = gather(x, zeroClippedIndices);
      var isPositive = greaterEqual(indices, scalar(0, "int32"));
      var numIters = gathered.rank - isPositive.rank;
      for (var i = 0; i < numIters; ++i) {
        isPositive = expandDims(isPositive, i + 1);
      }
      isPositive = logicalAnd(isPositive, ones$1(gathered.shape, "bool"));
      var zeroSlice = zerosLike(gathered);
      return where(isPositive, gathered, zeroSlice);
    }
    var zerosLikeGradConfig = {
      kernelName: ZerosLike,
      gradFunc: function(dy) {
        return { x: function() {
          return zerosLike(dy);
        } };
      }
    };
    var e_1;
    var _a;
    var gradConfigs = [
      absGradConfig,
      acosGradConfig,
      acoshGradConfig,
      addGradConfig,
      addNGradConfig,
      argMaxGradConfig,
      argMinGradConfig,
      asinGradConfig,
      asinhGradConfig,
      atan2GradConfig,
      atanGradConfig,
      atanhGradConfig,
      avgPool3DGradConfig,
      avgPoolGradConfig,
      batchMatMulGradConfig,
      batchToSpaceNDGradConfig,
      broadcastToGradConfig,
      castGradConfig,
      ceilGradConfig,
      clipByValueGradConfig,
      complexAbsGradConfig,
      concatGradConfig,
      conv2DBackpropInputGradConfig,
      conv2DGradConfig,
      conv3DGradConfig,
      cosGradConfig,
      coshGradConfig,
      cumsumGradConfig,
      depthwiseConv2dNativeGradConfig,
      dilation2dGradConfig,
      divGradConfig,
      eluGradConfig,
      erfGradConfig,
      expGradConfig,
      expandDimsGradConfig,
      expm1GradConfig,
      floorDivGradConfig,
      floorGradConfig,
      fusedBatchNormGradConfig,
      gatherGradConfig,
      greaterEqualGradConfig,
      identityGradConfig,
      isFiniteGradConfig,
      isInfGradConfig,
      isNanGradConfig,
      leakyReluGradConfig,
      log1pGradConfig,
      logGradConfig,
      logSoftmaxGradConfig,
      lrnGradConfig,
      maxGradConfig,
      maxGradConfig,
      maximumGradConfig,
      maxPool3DGradConfig,
      maxPoolGradConfig,
      meanGradConfig,
      minGradConfig,
      minimumGradConfig,
      mirrorPadGradConfig,
      modGradConfig,
      multiplyGradConfig,
      negGradConfig,
      oneHotGradConfig,
      onesLikeGradConfig,
      packGradConfig,
      padV2GradConfig,
      padV2GradConfig,
      powGradConfig,
      preluGradConfig,
      prodGradConfig,
      reciprocalGradConfig,
      relu6GradConfig,
      reluGradConfig,
      reshapeGradConfig,
      resizeBilinearGradConfig,
      resizeNearestNeighborGradConfig,
      reverseGradConfig,
      roundGradConfig,
      rsqrtGradConfig,
      selectGradConfig,
      seluGradConfig,
      sigmoidGradConfig,
      signGradConfig,
      sinGradConfig,
      sinhGradConfig,
      sliceGradConfig,
      softmaxGradConfig,
      softplusGradConfig,
      spaceToBatchNDGradConfig,
      spaceToBatchNDGradConfig,
      splitVGradConfig,
      splitVGradConfig,
      sqrtGradConfig,
      squaredDifferenceGradConfig,
      squareGradConfig,
      stepGradConfig,
      subGradConfig,
      sumGradConfig,
      tanGradConfig,
      tanhGradConfig,
      tileGradConfig,
      transposeGradConfig,
      unpackGradConfig,
      unsortedSegmentSumGradConfig,
      zerosLikeGradConfig
    ];
    try {
      for (gradConfigs_1 = __values(gradConfigs), gradConfigs_1_1 = gradConfigs_1.next(); !gradConfigs_1_1.done; gradConfigs_1_1 = gradConfigs_1.next()) {
        gradientConfig = gradConfigs_1_1.value;
        registerGradient(gradientConfig);
      }
    } catch (e_1_1) {
      e_1 = { error: e_1_1 };
    } finally {
      try {
        if (gradConfigs_1_1 && !gradConfigs_1_1.done && (_a = gradConfigs_1.return)) _a.call(gradConfigs_1);
      } finally {
        if (e_1) throw e_1.error;
      }
    }
    var gradientConfig;
    var gradConfigs_1;
    var gradConfigs_1_1;
    function calcL2Norms(w, axis) {
      return tfc.tidy(function() {
        return tfc__namespace.sqrt(tfc__namespace.sum(tfc__namespace.mul(w, w), axis, true));
      });
    }
    var Constraint = (
      /** @class */
      (function(_super) {
        __extends(Constraint2, _super);
        function Constraint2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Constraint2.prototype.getConfig = function() {
          return {};
        };
        return Constraint2;
      })(tfc.serialization.Serializable)
    );
    var MaxNorm = (
      /** @class */
      (function(_super) {
        __extends(MaxNorm2, _super);
        function MaxNorm2(args) {
          var _this = _super.call(this) || this;
          _this.defaultMaxValue = 2;
          _this.defaultAxis = 0;
          _this.maxValue = args.maxValue != null ? args.maxValue : _this.defaultMaxValue;
          _this.axis = args.axis != null ? args.axis : _this.defaultAxis;
          return _this;
        }
        MaxNorm2.prototype.apply = function(w) {
          var _this = this;
          return tfc.tidy(function() {
            var norms = calcL2Norms(w, _this.axis);
            var desired = tfc__namespace.clipByValue(norms, 0, _this.maxValue);
            return tfc__namespace.mul(w, tfc__namespace.div(desired, tfc__namespace.add(epsilon(), norms)));
          });
        };
        MaxNorm2.prototype.getConfig = function() {
          return { maxValue: this.maxValue, axis: this.axis };
        };
        return MaxNorm2;
      })(Constraint)
    );
    MaxNorm.className = "MaxNorm";
    tfc.serialization.registerClass(MaxNorm);
    var UnitNorm = (
      /** @class */
      (function(_super) {
        __extends(UnitNorm2, _super);
        function UnitNorm2(args) {
          var _this = _super.call(this) || this;
          _this.defaultAxis = 0;
          _this.axis = args.axis != null ? args.axis : _this.defaultAxis;
          return _this;
        }
        UnitNorm2.prototype.apply = function(w) {
          var _this = this;
          return tfc.tidy(function() {
            return tfc__namespace.div(w, tfc__namespace.add(epsilon(), calcL2Norms(w, _this.axis)));
          });
        };
        UnitNorm2.prototype.getConfig = function() {
          return { axis: this.axis };
        };
        return UnitNorm2;
      })(Constraint)
    );
    UnitNorm.className = "UnitNorm";
    tfc.serialization.registerClass(UnitNorm);
    var NonNeg = (
      /** @class */
      (function(_super) {
        __extends(NonNeg2, _super);
        function NonNeg2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        NonNeg2.prototype.apply = function(w) {
          return tfc__namespace.relu(w);
        };
        return NonNeg2;
      })(Constraint)
    );
    NonNeg.className = "NonNeg";
    tfc.serialization.registerClass(NonNeg);
    var MinMaxNorm = (
      /** @class */
      (function(_super) {
        __extends(MinMaxNorm2, _super);
        function MinMaxNorm2(args) {
          var _this = _super.call(this) || this;
          _this.defaultMinValue = 0;
          _this.defaultMaxValue = 1;
          _this.defaultRate = 1;
          _this.defaultAxis = 0;
          _this.minValue = args.minValue != null ? args.minValue : _this.defaultMinValue;
          _this.maxValue = args.maxValue != null ? args.maxValue : _this.defaultMaxValue;
          _this.rate = args.rate != null ? args.rate : _this.defaultRate;
          _this.axis = args.axis != null ? args.axis : _this.defaultAxis;
          return _this;
        }
        MinMaxNorm2.prototype.apply = function(w) {
          var _this = this;
          return tfc.tidy(function() {
            var norms = calcL2Norms(w, _this.axis);
            var desired = tfc__namespace.add(tfc__namespace.mul(_this.rate, tfc__namespace.clipByValue(norms, _this.minValue, _this.maxValue)), tfc__namespace.mul(1 - _this.rate, norms));
            return tfc__namespace.mul(w, tfc__namespace.div(desired, tfc__namespace.add(epsilon(), norms)));
          });
        };
        MinMaxNorm2.prototype.getConfig = function() {
          return {
            minValue: this.minValue,
            maxValue: this.maxValue,
            rate: this.rate,
            axis: this.axis
          };
        };
        return MinMaxNorm2;
      })(Constraint)
    );
    MinMaxNorm.className = "MinMaxNorm";
    tfc.serialization.registerClass(MinMaxNorm);
    var CONSTRAINT_IDENTIFIER_REGISTRY_SYMBOL_MAP = {
      "maxNorm": "MaxNorm",
      "minMaxNorm": "MinMaxNorm",
      "nonNeg": "NonNeg",
      "unitNorm": "UnitNorm"
    };
    function serializeConstraint(constraint) {
      return serializeKerasObject(constraint);
    }
    function deserializeConstraint(config, customObjects) {
      if (customObjects === void 0) {
        customObjects = {};
      }
      return deserializeKerasObject(config, tfc.serialization.SerializationMap.getMap().classNameMap, customObjects, "constraint");
    }
    function getConstraint(identifier) {
      if (identifier == null) {
        return null;
      }
      if (typeof identifier === "string") {
        var className = identifier in CONSTRAINT_IDENTIFIER_REGISTRY_SYMBOL_MAP ? CONSTRAINT_IDENTIFIER_REGISTRY_SYMBOL_MAP[identifier] : identifier;
        var config = { className, config: {} };
        return deserializeConstraint(config);
      } else if (identifier instanceof Constraint) {
        return identifier;
      } else {
        return deserializeConstraint(identifier);
      }
    }
    function maxNorm(args) {
      return new MaxNorm(args);
    }
    function unitNorm(args) {
      return new UnitNorm(args);
    }
    function nonNeg() {
      return new NonNeg();
    }
    function minMaxNorm(config) {
      return new MinMaxNorm(config);
    }
    var exports_constraints = {
      __proto__: null,
      maxNorm,
      minMaxNorm,
      nonNeg,
      unitNorm
    };
    function zeros() {
      return new Zeros();
    }
    function ones() {
      return new Ones();
    }
    function constant(args) {
      return new Constant(args);
    }
    function randomUniform(args) {
      return new RandomUniform(args);
    }
    function randomNormal(args) {
      return new RandomNormal(args);
    }
    function truncatedNormal(args) {
      return new TruncatedNormal(args);
    }
    function identity(args) {
      return new Identity$1(args);
    }
    function varianceScaling(config) {
      return new VarianceScaling(config);
    }
    function glorotUniform(args) {
      return new GlorotUniform(args);
    }
    function glorotNormal(args) {
      return new GlorotNormal(args);
    }
    function heNormal(args) {
      return new HeNormal(args);
    }
    function heUniform(args) {
      return new HeUniform(args);
    }
    function leCunNormal(args) {
      return new LeCunNormal(args);
    }
    function leCunUniform(args) {
      return new LeCunUniform(args);
    }
    function orthogonal(args) {
      return new Orthogonal(args);
    }
    var exports_initializers = {
      __proto__: null,
      constant,
      glorotNormal,
      glorotUniform,
      heNormal,
      heUniform,
      identity,
      leCunNormal,
      leCunUniform,
      ones,
      orthogonal,
      randomNormal,
      randomUniform,
      truncatedNormal,
      varianceScaling,
      zeros
    };
    function resolveScalarsInLogs(logs) {
      return __awaiter(this, void 0, void 0, function() {
        var promises, keys, scalarsToDispose, key, value, valueScalar, values, i;
        return __generator(this, function(_a2) {
          switch (_a2.label) {
            case 0:
              if (logs == null) {
                return [
                  2
                  /*return*/
                ];
              }
              promises = [];
              keys = [];
              scalarsToDispose = [];
              for (key in logs) {
                value = logs[key];
                if (typeof value !== "number") {
                  valueScalar = value;
                  promises.push(valueScalar.data());
                  keys.push(key);
                  scalarsToDispose.push(valueScalar);
                }
              }
              if (!(promises.length > 0)) return [3, 2];
              return [4, Promise.all(promises)];
            case 1:
              values = _a2.sent();
              for (i = 0; i < values.length; ++i) {
                logs[keys[i]] = values[i][0];
              }
              tfc.dispose(scalarsToDispose);
              _a2.label = 2;
            case 2:
              return [
                2
                /*return*/
              ];
          }
        });
      });
    }
    function disposeTensorsInLogs(logs) {
      if (logs == null) {
        return;
      }
      for (var key in logs) {
        var value = logs[key];
        if (typeof value !== "number") {
          value.dispose();
        }
      }
    }
    var ModelLoggingVerbosity;
    (function(ModelLoggingVerbosity2) {
      ModelLoggingVerbosity2[ModelLoggingVerbosity2["SILENT"] = 0] = "SILENT";
      ModelLoggingVerbosity2[ModelLoggingVerbosity2["VERBOSE"] = 1] = "VERBOSE";
    })(ModelLoggingVerbosity || (ModelLoggingVerbosity = {}));
    var DEFAULT_YIELD_EVERY_MS = 125;
    var BaseCallback = (
      /** @class */
      (function() {
        function BaseCallback2() {
          this.validationData = null;
        }
        BaseCallback2.prototype.setParams = function(params) {
          this.params = params;
        };
        BaseCallback2.prototype.onEpochBegin = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseCallback2.prototype.onEpochEnd = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseCallback2.prototype.onBatchBegin = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseCallback2.prototype.onBatchEnd = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseCallback2.prototype.onTrainBegin = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseCallback2.prototype.onTrainEnd = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseCallback2.prototype.setModel = function(model2) {
        };
        return BaseCallback2;
      })()
    );
    var CallbackList = (
      /** @class */
      (function() {
        function CallbackList2(callbacks2, queueLength) {
          if (queueLength === void 0) {
            queueLength = 10;
          }
          if (callbacks2 == null) {
            callbacks2 = [];
          }
          this.callbacks = callbacks2;
          this.queueLength = queueLength;
        }
        CallbackList2.prototype.append = function(callback) {
          this.callbacks.push(callback);
        };
        CallbackList2.prototype.setParams = function(params) {
          var e_12, _a2;
          try {
            for (var _b = __values(this.callbacks), _c = _b.next(); !_c.done; _c = _b.next()) {
              var callback = _c.value;
              callback.setParams(params);
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
        };
        CallbackList2.prototype.setModel = function(model2) {
          var e_2, _a2;
          try {
            for (var _b = __values(this.callbacks), _c = _b.next(); !_c.done; _c = _b.next()) {
              var callback = _c.value;
              callback.setModel(model2);
            }
          } catch (e_2_1) {
            e_2 = { error: e_2_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_2) throw e_2.error;
            }
          }
        };
        CallbackList2.prototype.onEpochBegin = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b, callback, e_3_1;
            var e_3, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  if (logs == null) {
                    logs = {};
                  }
                  _d.label = 1;
                case 1:
                  _d.trys.push([1, 6, 7, 8]);
                  _a2 = __values(this.callbacks), _b = _a2.next();
                  _d.label = 2;
                case 2:
                  if (!!_b.done) return [3, 5];
                  callback = _b.value;
                  return [4, callback.onEpochBegin(epoch, logs)];
                case 3:
                  _d.sent();
                  _d.label = 4;
                case 4:
                  _b = _a2.next();
                  return [3, 2];
                case 5:
                  return [3, 8];
                case 6:
                  e_3_1 = _d.sent();
                  e_3 = { error: e_3_1 };
                  return [3, 8];
                case 7:
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_3) throw e_3.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CallbackList2.prototype.onEpochEnd = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b, callback, e_4_1;
            var e_4, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  if (logs == null) {
                    logs = {};
                  }
                  _d.label = 1;
                case 1:
                  _d.trys.push([1, 6, 7, 8]);
                  _a2 = __values(this.callbacks), _b = _a2.next();
                  _d.label = 2;
                case 2:
                  if (!!_b.done) return [3, 5];
                  callback = _b.value;
                  return [4, callback.onEpochEnd(epoch, logs)];
                case 3:
                  _d.sent();
                  _d.label = 4;
                case 4:
                  _b = _a2.next();
                  return [3, 2];
                case 5:
                  return [3, 8];
                case 6:
                  e_4_1 = _d.sent();
                  e_4 = { error: e_4_1 };
                  return [3, 8];
                case 7:
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_4) throw e_4.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CallbackList2.prototype.onBatchBegin = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b, callback, e_5_1;
            var e_5, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  if (logs == null) {
                    logs = {};
                  }
                  _d.label = 1;
                case 1:
                  _d.trys.push([1, 6, 7, 8]);
                  _a2 = __values(this.callbacks), _b = _a2.next();
                  _d.label = 2;
                case 2:
                  if (!!_b.done) return [3, 5];
                  callback = _b.value;
                  return [4, callback.onBatchBegin(batch, logs)];
                case 3:
                  _d.sent();
                  _d.label = 4;
                case 4:
                  _b = _a2.next();
                  return [3, 2];
                case 5:
                  return [3, 8];
                case 6:
                  e_5_1 = _d.sent();
                  e_5 = { error: e_5_1 };
                  return [3, 8];
                case 7:
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_5) throw e_5.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CallbackList2.prototype.onBatchEnd = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b, callback, e_6_1;
            var e_6, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  if (logs == null) {
                    logs = {};
                  }
                  _d.label = 1;
                case 1:
                  _d.trys.push([1, 6, 7, 8]);
                  _a2 = __values(this.callbacks), _b = _a2.next();
                  _d.label = 2;
                case 2:
                  if (!!_b.done) return [3, 5];
                  callback = _b.value;
                  return [4, callback.onBatchEnd(batch, logs)];
                case 3:
                  _d.sent();
                  _d.label = 4;
                case 4:
                  _b = _a2.next();
                  return [3, 2];
                case 5:
                  return [3, 8];
                case 6:
                  e_6_1 = _d.sent();
                  e_6 = { error: e_6_1 };
                  return [3, 8];
                case 7:
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_6) throw e_6.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CallbackList2.prototype.onTrainBegin = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b, callback, e_7_1;
            var e_7, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  if (logs == null) {
                    logs = {};
                  }
                  _d.label = 1;
                case 1:
                  _d.trys.push([1, 6, 7, 8]);
                  _a2 = __values(this.callbacks), _b = _a2.next();
                  _d.label = 2;
                case 2:
                  if (!!_b.done) return [3, 5];
                  callback = _b.value;
                  return [4, callback.onTrainBegin(logs)];
                case 3:
                  _d.sent();
                  _d.label = 4;
                case 4:
                  _b = _a2.next();
                  return [3, 2];
                case 5:
                  return [3, 8];
                case 6:
                  e_7_1 = _d.sent();
                  e_7 = { error: e_7_1 };
                  return [3, 8];
                case 7:
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_7) throw e_7.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CallbackList2.prototype.onTrainEnd = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _a2, _b, callback, e_8_1;
            var e_8, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  if (logs == null) {
                    logs = {};
                  }
                  _d.label = 1;
                case 1:
                  _d.trys.push([1, 6, 7, 8]);
                  _a2 = __values(this.callbacks), _b = _a2.next();
                  _d.label = 2;
                case 2:
                  if (!!_b.done) return [3, 5];
                  callback = _b.value;
                  return [4, callback.onTrainEnd(logs)];
                case 3:
                  _d.sent();
                  _d.label = 4;
                case 4:
                  _b = _a2.next();
                  return [3, 2];
                case 5:
                  return [3, 8];
                case 6:
                  e_8_1 = _d.sent();
                  e_8 = { error: e_8_1 };
                  return [3, 8];
                case 7:
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_8) throw e_8.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        return CallbackList2;
      })()
    );
    var BaseLogger = (
      /** @class */
      (function(_super) {
        __extends(BaseLogger2, _super);
        function BaseLogger2() {
          return _super.call(this) || this;
        }
        BaseLogger2.prototype.onEpochBegin = function(epoch) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              this.seen = 0;
              this.totals = {};
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseLogger2.prototype.onBatchEnd = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var batchSize, _loop_1, this_1, key;
            var _this = this;
            return __generator(this, function(_a2) {
              if (logs == null) {
                logs = {};
              }
              batchSize = logs["size"] == null ? 0 : logs["size"];
              this.seen += batchSize;
              _loop_1 = function(key2) {
                var value = logs[key2];
                if (typeof value === "number") {
                  if (!this_1.totals.hasOwnProperty(key2)) {
                    this_1.totals[key2] = 0;
                  }
                  this_1.totals[key2] = this_1.totals[key2] + value * batchSize;
                } else {
                  var oldTotalsToDispose = void 0;
                  if (key2 in this_1.totals) {
                    oldTotalsToDispose = this_1.totals[key2];
                  } else {
                    this_1.totals[key2] = 0;
                  }
                  var total = tfc.tidy(function() {
                    return tfc.add(_this.totals[key2], tfc.mul(value, batchSize));
                  });
                  this_1.totals[key2] = total;
                  if (oldTotalsToDispose != null) {
                    oldTotalsToDispose.dispose();
                  }
                }
              };
              this_1 = this;
              for (key in logs) {
                _loop_1(key);
              }
              return [
                2
                /*return*/
              ];
            });
          });
        };
        BaseLogger2.prototype.onEpochEnd = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var _loop_2, this_2, _a2, _b, key;
            var e_9, _c;
            var _this = this;
            return __generator(this, function(_d) {
              if (logs != null) {
                _loop_2 = function(key2) {
                  if (this_2.totals[key2] == null) {
                    return "continue";
                  }
                  if (typeof this_2.totals[key2] === "number") {
                    logs[key2] = this_2.totals[key2] / this_2.seen;
                  } else {
                    tfc.tidy(function() {
                      var log2 = tfc.mul(tfc.div(1, _this.seen), _this.totals[key2]);
                      logs[key2] = log2;
                      _this.totals[key2].dispose();
                      tfc.keep(logs[key2]);
                    });
                  }
                };
                this_2 = this;
                try {
                  for (_a2 = __values(this.params["metrics"]), _b = _a2.next(); !_b.done; _b = _a2.next()) {
                    key = _b.value;
                    _loop_2(key);
                  }
                } catch (e_9_1) {
                  e_9 = { error: e_9_1 };
                } finally {
                  try {
                    if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                  } finally {
                    if (e_9) throw e_9.error;
                  }
                }
              }
              return [
                2
                /*return*/
              ];
            });
          });
        };
        return BaseLogger2;
      })(BaseCallback)
    );
    var History = (
      /** @class */
      (function(_super) {
        __extends(History2, _super);
        function History2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        History2.prototype.onTrainBegin = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              this.epoch = [];
              this.history = {};
              return [
                2
                /*return*/
              ];
            });
          });
        };
        History2.prototype.onEpochEnd = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var key;
            return __generator(this, function(_a2) {
              if (logs == null) {
                logs = {};
              }
              this.epoch.push(epoch);
              for (key in logs) {
                if (this.history[key] == null) {
                  this.history[key] = [];
                }
                this.history[key].push(logs[key]);
              }
              return [
                2
                /*return*/
              ];
            });
          });
        };
        History2.prototype.syncData = function() {
          return __awaiter(this, void 0, void 0, function() {
            var promises, keys, indices, key, valueArray, i, valueScalar, values, n, tensorToDispose;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  promises = [];
                  keys = [];
                  indices = [];
                  for (key in this.history) {
                    valueArray = this.history[key];
                    for (i = 0; i < valueArray.length; ++i) {
                      if (typeof valueArray[i] !== "number") {
                        valueScalar = valueArray[i];
                        promises.push(valueScalar.data());
                        keys.push(key);
                        indices.push(i);
                      }
                    }
                  }
                  return [4, Promise.all(promises)];
                case 1:
                  values = _a2.sent();
                  for (n = 0; n < values.length; ++n) {
                    tensorToDispose = this.history[keys[n]][indices[n]];
                    tensorToDispose.dispose();
                    this.history[keys[n]][indices[n]] = values[n][0];
                  }
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        return History2;
      })(BaseCallback)
    );
    var CustomCallback = (
      /** @class */
      (function(_super) {
        __extends(CustomCallback2, _super);
        function CustomCallback2(args, yieldEvery) {
          var _this = _super.call(this) || this;
          _this.currentEpoch = 0;
          _this.nowFunc = args.nowFunc;
          _this.nextFrameFunc = args.nextFrameFunc || tfc.nextFrame;
          _this.yieldEvery = yieldEvery || "auto";
          if (_this.yieldEvery === "auto") {
            _this.yieldEvery = DEFAULT_YIELD_EVERY_MS;
          }
          if (_this.yieldEvery === "never" && args.onYield != null) {
            throw new Error("yieldEvery is `never` but you provided an `onYield` callback. Either change `yieldEvery` or remove the callback");
          }
          if (tfc.util.isNumber(_this.yieldEvery)) {
            _this.maybeWait = debounce(_this.maybeWait.bind(_this), _this.yieldEvery, _this.nowFunc);
          }
          _this.trainBegin = args.onTrainBegin;
          _this.trainEnd = args.onTrainEnd;
          _this.epochBegin = args.onEpochBegin;
          _this.epochEnd = args.onEpochEnd;
          _this.batchBegin = args.onBatchBegin;
          _this.batchEnd = args.onBatchEnd;
          _this.yield = args.onYield;
          return _this;
        }
        CustomCallback2.prototype.maybeWait = function(epoch, batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var ps;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  ps = [];
                  if (!(this.yield != null)) return [3, 2];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  ps.push(this.yield(epoch, batch, logs));
                  _a2.label = 2;
                case 2:
                  ps.push(this.nextFrameFunc());
                  return [4, Promise.all(ps)];
                case 3:
                  _a2.sent();
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CustomCallback2.prototype.onEpochBegin = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  this.currentEpoch = epoch;
                  if (!(this.epochBegin != null)) return [3, 3];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  return [4, this.epochBegin(epoch, logs)];
                case 2:
                  _a2.sent();
                  _a2.label = 3;
                case 3:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CustomCallback2.prototype.onEpochEnd = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var ps;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  ps = [];
                  if (!(this.epochEnd != null)) return [3, 2];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  ps.push(this.epochEnd(epoch, logs));
                  _a2.label = 2;
                case 2:
                  if (this.yieldEvery === "epoch") {
                    ps.push(this.nextFrameFunc());
                  }
                  return [4, Promise.all(ps)];
                case 3:
                  _a2.sent();
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CustomCallback2.prototype.onBatchBegin = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (!(this.batchBegin != null)) return [3, 3];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  return [4, this.batchBegin(batch, logs)];
                case 2:
                  _a2.sent();
                  _a2.label = 3;
                case 3:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CustomCallback2.prototype.onBatchEnd = function(batch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var ps;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  ps = [];
                  if (!(this.batchEnd != null)) return [3, 2];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  ps.push(this.batchEnd(batch, logs));
                  _a2.label = 2;
                case 2:
                  if (this.yieldEvery === "batch") {
                    ps.push(this.nextFrameFunc());
                  } else if (tfc.util.isNumber(this.yieldEvery)) {
                    ps.push(this.maybeWait(this.currentEpoch, batch, logs));
                  }
                  return [4, Promise.all(ps)];
                case 3:
                  _a2.sent();
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CustomCallback2.prototype.onTrainBegin = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (!(this.trainBegin != null)) return [3, 3];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  return [4, this.trainBegin(logs)];
                case 2:
                  _a2.sent();
                  _a2.label = 3;
                case 3:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        CustomCallback2.prototype.onTrainEnd = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (!(this.trainEnd != null)) return [3, 3];
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  return [4, this.trainEnd(logs)];
                case 2:
                  _a2.sent();
                  _a2.label = 3;
                case 3:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        return CustomCallback2;
      })(BaseCallback)
    );
    function standardizeCallbacks(callbacks2, yieldEvery) {
      if (callbacks2 == null) {
        callbacks2 = {};
      }
      if (callbacks2 instanceof BaseCallback) {
        return [callbacks2];
      }
      if (Array.isArray(callbacks2) && callbacks2[0] instanceof BaseCallback) {
        return callbacks2;
      }
      var callbackConfigs = toList(callbacks2);
      return callbackConfigs.map(function(callbackConfig) {
        return new CustomCallback(callbackConfig, yieldEvery);
      });
    }
    var CallbackConstructorRegistry = (
      /** @class */
      (function() {
        function CallbackConstructorRegistry2() {
        }
        CallbackConstructorRegistry2.registerCallbackConstructor = function(verbosityLevel, callbackConstructor) {
          tfc.util.assert(verbosityLevel >= 0 && Number.isInteger(verbosityLevel), function() {
            return "Verbosity level is expected to be an integer >= 0, " + "but got ".concat(verbosityLevel);
          });
          CallbackConstructorRegistry2.checkForDuplicate(callbackConstructor);
          if (CallbackConstructorRegistry2.constructors[verbosityLevel] == null) {
            CallbackConstructorRegistry2.constructors[verbosityLevel] = [];
          }
          CallbackConstructorRegistry2.constructors[verbosityLevel].push(callbackConstructor);
        };
        CallbackConstructorRegistry2.checkForDuplicate = function(callbackConstructor) {
          for (var levelName in CallbackConstructorRegistry2.constructors) {
            var constructors = CallbackConstructorRegistry2.constructors[+levelName];
            constructors.forEach(function(ctor) {
              if (ctor === callbackConstructor) {
                throw new ValueError("Duplicate callback constructor.");
              }
            });
          }
        };
        CallbackConstructorRegistry2.clear = function() {
          CallbackConstructorRegistry2.constructors = {};
        };
        CallbackConstructorRegistry2.createCallbacks = function(verbosityLevel) {
          var constructors = [];
          for (var levelName in CallbackConstructorRegistry2.constructors) {
            var level = +levelName;
            if (verbosityLevel >= level) {
              constructors.push.apply(constructors, __spreadArray([], __read(CallbackConstructorRegistry2.constructors[level]), false));
            }
          }
          return constructors.map(function(ctor) {
            return new ctor();
          });
        };
        return CallbackConstructorRegistry2;
      })()
    );
    CallbackConstructorRegistry.constructors = {};
    function configureCallbacks(callbacks2, verbose, epochs, initialEpoch, numTrainSamples, stepsPerEpoch, batchSize, doValidation, callbackMetrics) {
      var history = new History();
      var actualCallbacks = __spreadArray([
        new BaseLogger()
      ], __read(CallbackConstructorRegistry.createCallbacks(verbose)), false);
      if (callbacks2 != null) {
        actualCallbacks.push.apply(actualCallbacks, __spreadArray([], __read(callbacks2), false));
      }
      actualCallbacks.push(history);
      var callbackList = new CallbackList(actualCallbacks);
      callbackList.setParams({
        epochs,
        initialEpoch,
        samples: numTrainSamples,
        steps: stepsPerEpoch,
        batchSize,
        verbose,
        doValidation,
        metrics: callbackMetrics
      });
      return { callbackList, history };
    }
    function deserialize(config, customObjects, fastWeightInit) {
      if (customObjects === void 0) {
        customObjects = {};
      }
      if (fastWeightInit === void 0) {
        fastWeightInit = false;
      }
      return deserializeKerasObject(config, tfc.serialization.SerializationMap.getMap().classNameMap, customObjects, "layer", fastWeightInit);
    }
    function l2Normalize(x, axis) {
      return tfc.tidy(function() {
        if (x.dtype !== "float32") {
          x = tfc__namespace.cast(x, "float32");
        }
        var squareSum = tfc__namespace.sum(square$1(x), axis, true);
        var epsilonTensor = tfc__namespace.fill(squareSum.shape, epsilon());
        var norm = tfc__namespace.sqrt(tfc__namespace.maximum(squareSum, epsilonTensor));
        return tfc__namespace.div(x, norm);
      });
    }
    function meanSquaredError$1(yTrue, yPred) {
      return tfc.tidy(function() {
        return tfc__namespace.mean(square$1(tfc__namespace.sub(yPred, yTrue)), -1);
      });
    }
    function meanAbsoluteError$1(yTrue, yPred) {
      return tfc.tidy(function() {
        return tfc__namespace.mean(tfc__namespace.abs(tfc__namespace.sub(yPred, yTrue)), -1);
      });
    }
    function meanAbsolutePercentageError$1(yTrue, yPred) {
      return tfc.tidy(function() {
        var diff = tfc__namespace.sub(yTrue, yPred);
        var clippedTrue = tfc__namespace.clipByValue(tfc__namespace.abs(yTrue), epsilon(), Number.MAX_VALUE);
        var absResult = tfc__namespace.abs(tfc__namespace.div(diff, clippedTrue));
        return tfc__namespace.mul(100, tfc__namespace.mean(absResult, -1));
      });
    }
    function meanSquaredLogarithmicError(yTrue, yPred) {
      return tfc.tidy(function() {
        var clippedPred = tfc__namespace.clipByValue(yPred, epsilon(), Number.MAX_VALUE);
        var firstLog = tfc__namespace.log(tfc__namespace.add(1, clippedPred));
        var clippedTrue = tfc__namespace.clipByValue(yTrue, epsilon(), Number.MAX_VALUE);
        var secondLog = tfc__namespace.log(tfc__namespace.add(1, clippedTrue));
        return tfc__namespace.mean(square$1(tfc__namespace.sub(firstLog, secondLog)), -1);
      });
    }
    function squaredHinge(yTrue, yPred) {
      return tfc.tidy(function() {
        var maxResult = tfc__namespace.maximum(0, tfc__namespace.sub(1, tfc__namespace.mul(yTrue, yPred)));
        return tfc__namespace.mean(square$1(maxResult), -1);
      });
    }
    function hinge(yTrue, yPred) {
      return tfc.tidy(function() {
        var maxResult = tfc__namespace.maximum(0, tfc__namespace.sub(1, tfc__namespace.mul(yTrue, yPred)));
        return tfc__namespace.mean(maxResult, -1);
      });
    }
    function categoricalHinge(yTrue, yPred) {
      return tfc.tidy(function() {
        var pos = tfc__namespace.sum(tfc__namespace.mul(yTrue, yPred), -1);
        var neg2 = tfc__namespace.max(tfc__namespace.mul(tfc__namespace.sub(1, yTrue), yPred), -1);
        return tfc__namespace.maximum(0, tfc__namespace.add(1, tfc__namespace.sub(neg2, pos)));
      });
    }
    function logcosh(yTrue, yPred) {
      return tfc.tidy(function() {
        var log2 = Math.log(2);
        var predictionDiff = tfc__namespace.sub(yPred, yTrue);
        var logcoshResult = tfc__namespace.sub(tfc__namespace.add(predictionDiff, tfc__namespace.softplus(tfc__namespace.mul(-2, predictionDiff))), log2);
        return tfc__namespace.mean(logcoshResult, -1);
      });
    }
    function categoricalCrossentropy$2(target, output, fromLogits) {
      if (fromLogits === void 0) {
        fromLogits = false;
      }
      return tfc.tidy(function() {
        if (fromLogits) {
          output = tfc__namespace.softmax(output);
        } else {
          var outputSum = tfc__namespace.sum(output, output.shape.length - 1, true);
          output = tfc__namespace.div(output, outputSum);
        }
        output = tfc__namespace.clipByValue(output, epsilon(), 1 - epsilon());
        return tfc__namespace.neg(tfc__namespace.sum(tfc__namespace.mul(tfc__namespace.cast(target, "float32"), tfc__namespace.log(output)), output.shape.length - 1));
      });
    }
    function sparseCategoricalCrossentropy$1(target, output, fromLogits) {
      if (fromLogits === void 0) {
        fromLogits = false;
      }
      return tfc.tidy(function() {
        var flatTarget = tfc__namespace.cast(tfc__namespace.floor(flatten$2(target)), "int32");
        output = tfc__namespace.clipByValue(output, epsilon(), 1 - epsilon());
        var outputShape = output.shape;
        var oneHotTarget = tfc__namespace.reshape(tfc__namespace.oneHot(flatTarget, outputShape[outputShape.length - 1]), outputShape);
        return categoricalCrossentropy$2(oneHotTarget, output, fromLogits);
      });
    }
    function sigmoidCrossEntropyWithLogits(labels, logits) {
      if (!tfc.util.arraysEqual(labels.shape, logits.shape)) {
        throw new ValueError("logits and labels must have the same shape, but got shapes " + "".concat(JSON.stringify(labels.shape), " and ").concat(JSON.stringify(logits.shape)));
      }
      return tfc.tidy(function() {
        var reluLogits = tfc__namespace.relu(logits);
        var negAbsLogits = tfc__namespace.neg(tfc__namespace.abs(logits));
        return tfc__namespace.add(tfc__namespace.sub(reluLogits, tfc__namespace.mul(logits, labels)), tfc__namespace.log1p(tfc__namespace.exp(negAbsLogits)));
      });
    }
    function binaryCrossentropy$2(yTrue, yPred) {
      return tfc.tidy(function() {
        var y;
        y = tfc__namespace.clipByValue(yPred, epsilon(), 1 - epsilon());
        y = tfc__namespace.log(tfc__namespace.div(y, tfc__namespace.sub(1, y)));
        return tfc__namespace.mean(sigmoidCrossEntropyWithLogits(yTrue, y), -1);
      });
    }
    function kullbackLeiblerDivergence(yTrue, yPred) {
      return tfc.tidy(function() {
        var clippedTrue = tfc__namespace.clipByValue(yTrue, epsilon(), 1);
        var clippedPred = tfc__namespace.clipByValue(yPred, epsilon(), 1);
        return tfc__namespace.sum(tfc__namespace.mul(yTrue, tfc__namespace.log(tfc__namespace.div(clippedTrue, clippedPred))), -1);
      });
    }
    function poisson(yTrue, yPred) {
      return tfc.tidy(function() {
        var logPred = tfc__namespace.log(tfc__namespace.add(epsilon(), yPred));
        return tfc__namespace.mean(tfc__namespace.sub(yPred, tfc__namespace.mul(yTrue, logPred)), -1);
      });
    }
    function cosineProximity$1(yTrue, yPred) {
      return tfc.tidy(function() {
        var trueNormalized = l2Normalize(yTrue, -1);
        var predNormalized = l2Normalize(yPred, -1);
        var trueXPred = tfc__namespace.mul(trueNormalized, predNormalized);
        return tfc__namespace.neg(tfc__namespace.sum(trueXPred, -1));
      });
    }
    var lossesMap = {
      meanSquaredError: meanSquaredError$1,
      meanAbsoluteError: meanAbsoluteError$1,
      meanAbsolutePercentageError: meanAbsolutePercentageError$1,
      meanSquaredLogarithmicError,
      squaredHinge,
      hinge,
      categoricalHinge,
      logcosh,
      categoricalCrossentropy: categoricalCrossentropy$2,
      sparseCategoricalCrossentropy: sparseCategoricalCrossentropy$1,
      binaryCrossentropy: binaryCrossentropy$2,
      kullbackLeiblerDivergence,
      poisson,
      cosineProximity: cosineProximity$1
    };
    function get$1(identifierOrFn) {
      if (typeof identifierOrFn === "string") {
        if (identifierOrFn in lossesMap) {
          return lossesMap[identifierOrFn];
        }
        var errMsg = "Unknown loss ".concat(identifierOrFn);
        if (identifierOrFn.toLowerCase().includes("softmaxcrossentropy")) {
          errMsg = "Unknown loss ".concat(identifierOrFn, ". ") + 'Use "categoricalCrossentropy" as the string name for tf.losses.softmaxCrossEntropy';
        }
        throw new ValueError(errMsg);
      } else {
        return identifierOrFn;
      }
    }
    function binaryAccuracy$1(yTrue, yPred) {
      return tfc.tidy(function() {
        var threshold = tfc__namespace.mul(0.5, tfc__namespace.onesLike(yPred));
        var yPredThresholded = cast$1(tfc__namespace.greater(yPred, threshold), yTrue.dtype);
        return tfc__namespace.mean(tfc__namespace.equal(yTrue, yPredThresholded), -1);
      });
    }
    function categoricalAccuracy$1(yTrue, yPred) {
      return tfc.tidy(function() {
        return cast$1(tfc__namespace.equal(tfc__namespace.argMax(yTrue, -1), tfc__namespace.argMax(yPred, -1)), "float32");
      });
    }
    function truePositives(yTrue, yPred) {
      return tfc.tidy(function() {
        return tfc__namespace.cast(tfc__namespace.sum(tfc__namespace.logicalAnd(tfc__namespace.equal(yTrue, 1), tfc__namespace.equal(yPred, 1))), "float32");
      });
    }
    function falseNegatives(yTrue, yPred) {
      return tfc.tidy(function() {
        return tfc__namespace.cast(tfc__namespace.sum(tfc__namespace.logicalAnd(tfc__namespace.equal(yTrue, 1), tfc__namespace.equal(yPred, 0))), "float32");
      });
    }
    function falsePositives(yTrue, yPred) {
      return tfc.tidy(function() {
        return tfc__namespace.cast(tfc__namespace.sum(tfc__namespace.logicalAnd(tfc__namespace.equal(yTrue, 0), tfc__namespace.equal(yPred, 1))), "float32");
      });
    }
    function precision$1(yTrue, yPred) {
      return tfc.tidy(function() {
        var tp = truePositives(yTrue, yPred);
        var fp = falsePositives(yTrue, yPred);
        var denominator = tfc__namespace.add(tp, fp);
        return tfc__namespace.cast(tfc__namespace.where(tfc__namespace.greater(denominator, 0), tfc__namespace.div(tp, denominator), 0), "float32");
      });
    }
    function recall$1(yTrue, yPred) {
      return tfc.tidy(function() {
        var tp = truePositives(yTrue, yPred);
        var fn = falseNegatives(yTrue, yPred);
        var denominator = tfc__namespace.add(tp, fn);
        return tfc__namespace.cast(tfc__namespace.where(tfc__namespace.greater(denominator, 0), tfc__namespace.div(tp, denominator), 0), "float32");
      });
    }
    function binaryCrossentropy$1(yTrue, yPred) {
      return binaryCrossentropy$2(yTrue, yPred);
    }
    function sparseCategoricalAccuracy$1(yTrue, yPred) {
      if (yTrue.rank === yPred.rank) {
        yTrue = tfc__namespace.squeeze(yTrue, [yTrue.rank - 1]);
      }
      yPred = tfc__namespace.argMax(yPred, -1);
      if (yPred.dtype !== yTrue.dtype) {
        yPred = tfc__namespace.cast(yPred, yTrue.dtype);
      }
      return tfc__namespace.cast(tfc__namespace.equal(yTrue, yPred), "float32");
    }
    function r2Score$1(yTrue, yPred) {
      return tfc.tidy(function() {
        var sumSquaresResiduals = yTrue.sub(yPred).square().sum();
        var sumSquares = yTrue.sub(yTrue.mean()).square().sum();
        return tfc__namespace.scalar(1).sub(sumSquaresResiduals.div(sumSquares));
      });
    }
    var mse$1 = meanSquaredError$1;
    var MSE$1 = meanSquaredError$1;
    var mae = meanAbsoluteError$1;
    var MAE = meanAbsoluteError$1;
    var mape$1 = meanAbsolutePercentageError$1;
    var MAPE$1 = meanAbsolutePercentageError$1;
    var categoricalCrossentropy$1 = categoricalCrossentropy$2;
    var cosine = cosineProximity$1;
    var sparseCategoricalCrossentropy = sparseCategoricalCrossentropy$1;
    var metricsMap = {
      binaryAccuracy: binaryAccuracy$1,
      categoricalAccuracy: categoricalAccuracy$1,
      precision: precision$1,
      categoricalCrossentropy: categoricalCrossentropy$1,
      sparseCategoricalCrossentropy,
      mse: mse$1,
      MSE: MSE$1,
      mae,
      MAE,
      mape: mape$1,
      MAPE: MAPE$1,
      cosine
    };
    function get(identifier) {
      if (typeof identifier === "string" && identifier in metricsMap) {
        return metricsMap[identifier];
      } else if (typeof identifier !== "string" && identifier != null) {
        return identifier;
      } else {
        throw new ValueError("Unknown metric ".concat(identifier));
      }
    }
    function getLossOrMetricName(fn) {
      var e_12, _a2, e_2, _b;
      assert$1(fn !== null, "Unknown LossOrMetricFn ".concat(fn));
      if (typeof fn === "string") {
        return fn;
      } else {
        var fnName = void 0;
        try {
          for (var _c = __values(Object.keys(lossesMap)), _d = _c.next(); !_d.done; _d = _c.next()) {
            var key = _d.value;
            if (lossesMap[key] === fn) {
              fnName = key;
              break;
            }
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
        if (fnName !== void 0) {
          return fnName;
        }
        try {
          for (var _e = __values(Object.keys(metricsMap)), _f = _e.next(); !_f.done; _f = _e.next()) {
            var key = _f.value;
            if (metricsMap[key] === fn) {
              fnName = key;
              break;
            }
          }
        } catch (e_2_1) {
          e_2 = { error: e_2_1 };
        } finally {
          try {
            if (_f && !_f.done && (_b = _e.return)) _b.call(_e);
          } finally {
            if (e_2) throw e_2.error;
          }
        }
        if (fnName !== void 0) {
          return fnName;
        }
        return fn.name;
      }
    }
    function getOptimizer(identifier) {
      var optimizerMap = {
        "Adagrad": function() {
          return tfc.train.adagrad(0.01);
        },
        "Adadelta": function() {
          return tfc.train.adadelta(1, 0.95, epsilon());
        },
        "Adam": function() {
          return tfc.train.adam(1e-3, 0.9, 0.999, epsilon());
        },
        "Adamax": function() {
          return tfc.train.adamax(2e-3, 0.9, 0.999, epsilon(), 0);
        },
        "RMSProp": function() {
          return tfc.train.rmsprop(1e-3, 0.9, 0, epsilon());
        },
        "SGD": function() {
          return tfc.train.sgd(0.01);
        }
      };
      optimizerMap["adagrad"] = optimizerMap["Adagrad"];
      optimizerMap["adadelta"] = optimizerMap["Adadelta"];
      optimizerMap["adam"] = optimizerMap["Adam"];
      optimizerMap["adamax"] = optimizerMap["Adamax"];
      optimizerMap["rmsprop"] = optimizerMap["RMSProp"];
      optimizerMap["sgd"] = optimizerMap["SGD"];
      if (identifier in optimizerMap) {
        return optimizerMap[identifier]();
      }
      throw new ValueError("Unknown Optimizer ".concat(identifier));
    }
    var MAX_USER_DEFINED_METADATA_SERIALIZED_LENGTH = 1 * 1024 * 1024;
    function checkUserDefinedMetadata(userDefinedMetadata, modelName, checkSize) {
      if (checkSize === void 0) {
        checkSize = false;
      }
      if (userDefinedMetadata == null || typeof userDefinedMetadata !== "object" || Object.getPrototypeOf(userDefinedMetadata) !== Object.prototype || !plainObjectCheck(userDefinedMetadata)) {
        throw new Error("User-defined metadata is expected to be a JSON object, but is not.");
      }
      if (checkSize) {
        var out = JSON.stringify(userDefinedMetadata);
        if (out.length > MAX_USER_DEFINED_METADATA_SERIALIZED_LENGTH) {
          console.warn('User-defined metadata of model "'.concat(modelName, '" is too large in ') + "size (length=".concat(out.length, " when serialized). It is not ") + "recommended to store such large objects in user-defined metadata. Please make sure its serialized length is <= " + "".concat(MAX_USER_DEFINED_METADATA_SERIALIZED_LENGTH, "."));
        }
      }
    }
    function plainObjectCheck(x) {
      var e_12, _a2, e_2, _b;
      if (x === null) {
        return true;
      } else if (typeof x === "object") {
        if (Object.getPrototypeOf(x) === Object.prototype) {
          var keys = Object.keys(x);
          try {
            for (var keys_1 = __values(keys), keys_1_1 = keys_1.next(); !keys_1_1.done; keys_1_1 = keys_1.next()) {
              var key = keys_1_1.value;
              if (typeof key !== "string") {
                return false;
              }
              if (!plainObjectCheck(x[key])) {
                return false;
              }
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (keys_1_1 && !keys_1_1.done && (_a2 = keys_1.return)) _a2.call(keys_1);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
          return true;
        } else {
          if (Array.isArray(x)) {
            try {
              for (var x_1 = __values(x), x_1_1 = x_1.next(); !x_1_1.done; x_1_1 = x_1.next()) {
                var item = x_1_1.value;
                if (!plainObjectCheck(item)) {
                  return false;
                }
              }
            } catch (e_2_1) {
              e_2 = { error: e_2_1 };
            } finally {
              try {
                if (x_1_1 && !x_1_1.done && (_b = x_1.return)) _b.call(x_1);
              } finally {
                if (e_2) throw e_2.error;
              }
            }
            return true;
          } else {
            return false;
          }
        }
      } else {
        var xType = typeof x;
        return xType === "string" || xType === "number" || xType === "boolean";
      }
    }
    function printSummary(model2, lineLength, positions, printFn) {
      if (printFn === void 0) {
        printFn = console.log;
      }
      var sequentialLike = isModelSequentialLike(model2);
      var toDisplay = ["Layer (type)", "Input Shape", "Output shape", "Param #"];
      if (sequentialLike) {
        lineLength = lineLength || 90;
        positions = positions || [0.32, 0.61, 0.89, 1];
      } else {
        lineLength = lineLength || 115;
        positions = positions || [0.24, 0.48, 0.7, 0.8, 1];
      }
      if (positions[positions.length - 1] <= 1) {
        positions = positions.map(function(p) {
          return Math.floor(lineLength * p);
        });
      }
      var relevantNodes;
      if (!sequentialLike) {
        toDisplay.push("Receives inputs");
        relevantNodes = [];
        for (var depth in model2.nodesByDepth) {
          relevantNodes.push.apply(relevantNodes, __spreadArray([], __read(model2.nodesByDepth[depth]), false));
        }
      }
      printFn("_".repeat(lineLength));
      printRow(toDisplay, positions, printFn);
      printFn("=".repeat(lineLength));
      var layers = model2.layers;
      for (var i = 0; i < layers.length; ++i) {
        if (sequentialLike) {
          printLayerSummary(layers[i], positions, printFn);
        } else {
          printLayerSummaryWithConnections(layers[i], positions, relevantNodes, printFn);
        }
        printFn((i === layers.length - 1 ? "=" : "_").repeat(lineLength));
      }
      model2.checkTrainableWeightsConsistency();
      var trainableCount = countTrainableParams(model2);
      var nonTrainableCount = countParamsInWeights(model2.nonTrainableWeights);
      printFn("Total params: ".concat(trainableCount + nonTrainableCount));
      printFn("Trainable params: ".concat(trainableCount));
      printFn("Non-trainable params: ".concat(nonTrainableCount));
      printFn("_".repeat(lineLength));
    }
    function countTrainableParams(model2) {
      var trainableCount;
      if (model2.collectedTrainableWeights != null) {
        trainableCount = countParamsInWeights(model2.collectedTrainableWeights);
      } else {
        trainableCount = countParamsInWeights(model2.trainableWeights);
      }
      return trainableCount;
    }
    function isModelSequentialLike(model2) {
      var e_12, _a2, e_2, _b, e_3, _c;
      var sequentialLike = true;
      var nodesByDepth = [];
      var nodes = [];
      for (var depth in model2.nodesByDepth) {
        nodesByDepth.push(model2.nodesByDepth[depth]);
      }
      try {
        for (var nodesByDepth_1 = __values(nodesByDepth), nodesByDepth_1_1 = nodesByDepth_1.next(); !nodesByDepth_1_1.done; nodesByDepth_1_1 = nodesByDepth_1.next()) {
          var depthNodes = nodesByDepth_1_1.value;
          if (depthNodes.length > 1 || depthNodes.length === 1 && depthNodes[0].inboundLayers.length > 1) {
            sequentialLike = false;
            break;
          }
          nodes.push.apply(nodes, __spreadArray([], __read(depthNodes), false));
        }
      } catch (e_1_1) {
        e_12 = { error: e_1_1 };
      } finally {
        try {
          if (nodesByDepth_1_1 && !nodesByDepth_1_1.done && (_a2 = nodesByDepth_1.return)) _a2.call(nodesByDepth_1);
        } finally {
          if (e_12) throw e_12.error;
        }
      }
      if (sequentialLike) {
        try {
          for (var _d = __values(model2.layers), _e = _d.next(); !_e.done; _e = _d.next()) {
            var layer = _e.value;
            var flag = false;
            try {
              for (var _f = (e_3 = void 0, __values(layer.inboundNodes)), _g = _f.next(); !_g.done; _g = _f.next()) {
                var node = _g.value;
                if (nodes.indexOf(node) !== -1) {
                  if (flag) {
                    sequentialLike = false;
                    break;
                  } else {
                    flag = true;
                  }
                }
              }
            } catch (e_3_1) {
              e_3 = { error: e_3_1 };
            } finally {
              try {
                if (_g && !_g.done && (_c = _f.return)) _c.call(_f);
              } finally {
                if (e_3) throw e_3.error;
              }
            }
            if (!sequentialLike) {
              break;
            }
          }
        } catch (e_2_1) {
          e_2 = { error: e_2_1 };
        } finally {
          try {
            if (_e && !_e.done && (_b = _d.return)) _b.call(_d);
          } finally {
            if (e_2) throw e_2.error;
          }
        }
      }
      return sequentialLike;
    }
    function printRow(fields, positions, printFn) {
      if (printFn === void 0) {
        printFn = console.log;
      }
      var line = "";
      for (var i = 0; i < fields.length; ++i) {
        if (i > 0) {
          line = line.slice(0, line.length - 1) + " ";
        }
        line += fields[i];
        line = line.slice(0, positions[i]);
        line += " ".repeat(positions[i] - line.length);
      }
      printFn(line);
    }
    function printLayerSummary(layer, positions, printFn) {
      var outputShape;
      var inputShape;
      try {
        inputShape = layer.inboundNodes.map(function(x) {
          return JSON.stringify(x.inputShapes);
        }).join(",");
      } catch (err) {
        inputShape = "multiple";
      }
      try {
        outputShape = JSON.stringify(layer.outputShape);
      } catch (err) {
        outputShape = "multiple";
      }
      var name = layer.name;
      var className = layer.getClassName();
      var fields = [
        "".concat(name, " (").concat(className, ")"),
        inputShape,
        outputShape,
        layer.countParams().toString()
      ];
      printRow(fields, positions, printFn);
    }
    function printLayerSummaryWithConnections(layer, positions, relevantNodes, printFn) {
      var e_4, _a2;
      var outputShape;
      var inputShape;
      try {
        inputShape = layer.inboundNodes.map(function(x) {
          return JSON.stringify(x.inputShapes);
        }).join(",");
      } catch (err) {
        inputShape = "multiple";
      }
      try {
        outputShape = JSON.stringify(layer.outputShape);
      } catch (err) {
        outputShape = "multiple";
      }
      var connections = [];
      try {
        for (var _b = __values(layer.inboundNodes), _c = _b.next(); !_c.done; _c = _b.next()) {
          var node = _c.value;
          if (relevantNodes != null && relevantNodes.length > 0 && relevantNodes.indexOf(node) === -1) {
            continue;
          }
          for (var i = 0; i < node.inboundLayers.length; ++i) {
            var inboundLayer = node.inboundLayers[i].name;
            var inboundLayerIndex = node.nodeIndices[i];
            var inboundTensorIndex = node.tensorIndices[i];
            connections.push("".concat(inboundLayer, "[").concat(inboundLayerIndex, "][").concat(inboundTensorIndex, "]"));
          }
        }
      } catch (e_4_1) {
        e_4 = { error: e_4_1 };
      } finally {
        try {
          if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
        } finally {
          if (e_4) throw e_4.error;
        }
      }
      var name = layer.name;
      var className = layer.getClassName();
      var firstConnection = connections.length === 0 ? "" : connections[0];
      var fields = [
        "".concat(name, " (").concat(className, ")"),
        inputShape,
        outputShape,
        layer.countParams().toString(),
        firstConnection
      ];
      printRow(fields, positions, printFn);
      for (var i = 1; i < connections.length; ++i) {
        printRow(["", "", "", "", connections[i]], positions, printFn);
      }
    }
    function isArrayItemInputOrOutputName(key, index, value) {
      return (key === "inboundNodes" || key === "outputLayers" || key === "inputLayers") && index === 0 && typeof value === "string";
    }
    function convertPythonicToTs(pythonicConfig, key) {
      var e_12, _a2;
      if (pythonicConfig === null) {
        return null;
      } else if (typeof pythonicConfig === "string") {
        return toCamelCase(pythonicConfig);
      } else if (typeof pythonicConfig === "number" || typeof pythonicConfig === "boolean") {
        return pythonicConfig;
      } else if (pythonicConfig instanceof Array) {
        var tsArray = [];
        var arrayLength = pythonicConfig.length;
        for (var i = 0; i < arrayLength; ++i) {
          var item = pythonicConfig[i];
          if (isArrayItemInputOrOutputName(key, i, item)) {
            tsArray.push(item);
          } else {
            tsArray.push(convertPythonicToTs(item, key));
          }
        }
        return tsArray;
      } else {
        var tsDict = {};
        try {
          for (var _b = __values(Object.keys(pythonicConfig)), _c = _b.next(); !_c.done; _c = _b.next()) {
            var pythonicKey = _c.value;
            var pythonicValue = pythonicConfig[pythonicKey];
            if (pythonicKey === "name" && typeof pythonicValue === "string") {
              tsDict[pythonicKey] = pythonicValue;
            } else {
              var tsKey = toCamelCase(pythonicKey);
              tsDict[tsKey] = convertPythonicToTs(pythonicValue, tsKey);
            }
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
        return tsDict;
      }
    }
    function convertTsToPythonic(tsConfig, key) {
      var e_2, _a2;
      if (tsConfig === null || tsConfig === void 0) {
        return null;
      } else if (typeof tsConfig === "string") {
        return toSnakeCase(tsConfig);
      } else if (typeof tsConfig === "number" || typeof tsConfig === "boolean") {
        return tsConfig;
      } else if (tsConfig instanceof Array) {
        var pyArray = [];
        var arrayLength = tsConfig.length;
        for (var i = 0; i < arrayLength; ++i) {
          var item = tsConfig[i];
          if (isArrayItemInputOrOutputName(key, i, item)) {
            pyArray.push(item);
          } else {
            pyArray.push(convertTsToPythonic(item, key));
          }
        }
        return pyArray;
      } else {
        var pyDict = {};
        try {
          for (var _b = __values(Object.keys(tsConfig)), _c = _b.next(); !_c.done; _c = _b.next()) {
            var tsKey = _c.value;
            var tsValue = tsConfig[tsKey];
            var pyKey = toSnakeCase(tsKey);
            if ((tsKey === "name" || tsKey === "className") && typeof tsValue === "string") {
              pyDict[pyKey] = tsValue;
            } else {
              pyDict[pyKey] = convertTsToPythonic(tsValue, tsKey);
            }
          }
        } catch (e_2_1) {
          e_2 = { error: e_2_1 };
        } finally {
          try {
            if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
          } finally {
            if (e_2) throw e_2.error;
          }
        }
        return pyDict;
      }
    }
    var version = "4.22.0";
    var isKerasSavedModelFormat = function(weights) {
      var keys = Object.keys(weights);
      if (keys.length === 0) {
        return false;
      }
      var key = keys[0].split("/");
      return !isNaN(parseInt(key[key.length - 1], 10));
    };
    var Container = (
      /** @class */
      (function(_super) {
        __extends(Container2, _super);
        function Container2(args) {
          var e_12, _a2, e_2, _b, e_3, _c, e_4, _d, e_5, _e, e_6, _f, e_7, _g, e_8, _h, e_9, _j, e_10, _k, e_11, _l, e_122, _m;
          var _this = (
            // No args passed to super's constructor.
            _super.call(this, {}) || this
          );
          _this.containerNodes = /* @__PURE__ */ new Set();
          _this.name = args.name;
          if (_this.name == null) {
            var prefix = _this.getClassName().toLowerCase();
            _this.name = getUid(prefix);
          }
          _this.supportsMasking = false;
          _this.trainable_ = true;
          if (Array.isArray(args.inputs)) {
            _this.inputs = args.inputs.slice();
          } else {
            _this.inputs = [args.inputs];
          }
          if (Array.isArray(args.outputs)) {
            _this.outputs = args.outputs.slice();
          } else {
            _this.outputs = [args.outputs];
          }
          if (unique(_this.inputs).length !== _this.inputs.length) {
            throw new ValueError("The list of inputs passed to the model is redundant. All inputs should only appear once. Found: " + "".concat(_this.inputs.map(function(x2) {
              return x2.name;
            })));
          }
          if (unique(_this.outputs).length !== _this.outputs.length) {
            console.warn("The list of outputs passed to the model is redundant. All outputs should only appear once. Found: " + "".concat(_this.outputs.map(function(x2) {
              return x2.name;
            })));
          }
          _this.inputLayers = [];
          _this.inputLayersNodeIndices = [];
          _this.inputLayersTensorIndices = [];
          _this.outputLayers = [];
          _this.outputLayersNodeIndices = [];
          _this.outputLayersTensorIndices = [];
          _this.layers = [];
          _this.internalContainerRefs = [];
          try {
            for (var _o = __values(_this.outputs), _p = _o.next(); !_p.done; _p = _o.next()) {
              var x = _p.value;
              var layer = x.sourceLayer;
              var nodeIndex = x.nodeIndex;
              var tensorIndex = x.tensorIndex;
              _this.outputLayers.push(layer);
              _this.outputLayersNodeIndices.push(nodeIndex);
              _this.outputLayersTensorIndices.push(tensorIndex);
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (_p && !_p.done && (_a2 = _o.return)) _a2.call(_o);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
          try {
            for (var _q = __values(_this.inputs), _r = _q.next(); !_r.done; _r = _q.next()) {
              var x = _r.value;
              var layer = x.sourceLayer;
              var nodeIndex = x.nodeIndex;
              var tensorIndex = x.tensorIndex;
              assert$1(nodeIndex === 0, "input layer has >1 nodes");
              assert$1(tensorIndex === 0, "input layer has >1 tensors");
              _this.inputLayers.push(layer);
              _this.inputLayersNodeIndices.push(nodeIndex);
              _this.inputLayersTensorIndices.push(tensorIndex);
            }
          } catch (e_2_1) {
            e_2 = { error: e_2_1 };
          } finally {
            try {
              if (_r && !_r.done && (_b = _q.return)) _b.call(_q);
            } finally {
              if (e_2) throw e_2.error;
            }
          }
          _this.inputNames = [];
          _this.outputNames = [];
          _this.feedInputShapes = [];
          _this.feedInputNames = [];
          _this.feedOutputNames = [];
          for (var i = 0; i < _this.inputLayers.length; i++) {
            var layer = _this.inputLayers[i];
            if (!(layer instanceof InputLayer)) {
              throw new TypeError("Input layers to a LayersModel must be InputLayer objects. " + "Received inputs: ".concat(args.inputs, ". ") + "Input ".concat(i, " (0-based) originates ") + "from layer type ".concat(layer.getClassName(), "."));
            }
            _this.inputNames.push(layer.name);
            _this.feedInputShapes.push(layer.batchInputShape);
            _this.feedInputNames.push(layer.name);
          }
          try {
            for (var _s = __values(_this.outputLayers), _t = _s.next(); !_t.done; _t = _s.next()) {
              var layer = _t.value;
              _this.outputNames.push(layer.name);
            }
          } catch (e_3_1) {
            e_3 = { error: e_3_1 };
          } finally {
            try {
              if (_t && !_t.done && (_c = _s.return)) _c.call(_s);
            } finally {
              if (e_3) throw e_3.error;
            }
          }
          _this.internalInputShapes = _this.inputs.map(function(x2) {
            return x2.shape;
          });
          _this.internalOutputShapes = _this.outputs.map(function(x2) {
            return x2.shape;
          });
          var nodesDepths = {};
          var nodeIDToNode = {};
          var layersDepths = {};
          var layerIDToLayer = {};
          var layerIndices = {};
          var nodesInDecreasingDepth = [];
          var buildMapOfGraph = function(tensor, finishedNodes2, nodesInProgress2, layer2, nodeIndex2, tensorIndex2) {
            if (layer2 == null || nodeIndex2 == null || tensorIndex2 == null) {
              layer2 = tensor.sourceLayer;
              nodeIndex2 = tensor.nodeIndex;
              tensorIndex2 = tensor.tensorIndex;
            }
            var node2 = layer2.inboundNodes[nodeIndex2];
            if (nodesInProgress2.indexOf(node2) !== -1) {
              throw new RuntimeError("The tensor ".concat(tensor.name, ' at layer "').concat(layer2.name, '" ') + "is part of a cycle.");
            }
            if (finishedNodes2.indexOf(node2) !== -1) {
              return;
            }
            _this.containerNodes.add(Container2.nodeKey(layer2, nodeIndex2));
            if (!(layer2.id in layerIndices)) {
              layerIndices[layer2.id] = Object.keys(layerIndices).length;
            }
            if (nodesInProgress2.indexOf(node2) === -1) {
              nodesInProgress2.push(node2);
            }
            var numInboundLayers = node2.inboundLayers.length;
            for (var i2 = 0; i2 < numInboundLayers; i2++) {
              var x2 = node2.inputTensors[i2];
              var layer_1 = node2.inboundLayers[i2];
              var nodeIndex_1 = node2.nodeIndices[i2];
              var tensorIndex_1 = node2.tensorIndices[i2];
              buildMapOfGraph(x2, finishedNodes2, nodesInProgress2, layer_1, nodeIndex_1, tensorIndex_1);
            }
            finishedNodes2.push(node2);
            while (nodesInProgress2.indexOf(node2) >= 0) {
              nodesInProgress2.splice(nodesInProgress2.indexOf(node2), 1);
            }
            nodesInDecreasingDepth.push(node2);
          };
          var finishedNodes = [];
          var nodesInProgress = [];
          try {
            for (var _u = __values(_this.outputs), _v = _u.next(); !_v.done; _v = _u.next()) {
              var x = _v.value;
              buildMapOfGraph(x, finishedNodes, nodesInProgress);
            }
          } catch (e_4_1) {
            e_4 = { error: e_4_1 };
          } finally {
            try {
              if (_v && !_v.done && (_d = _u.return)) _d.call(_u);
            } finally {
              if (e_4) throw e_4.error;
            }
          }
          var reversedNodesInDecreasingDepth = nodesInDecreasingDepth.slice().reverse();
          try {
            for (var reversedNodesInDecreasingDepth_1 = __values(reversedNodesInDecreasingDepth), reversedNodesInDecreasingDepth_1_1 = reversedNodesInDecreasingDepth_1.next(); !reversedNodesInDecreasingDepth_1_1.done; reversedNodesInDecreasingDepth_1_1 = reversedNodesInDecreasingDepth_1.next()) {
              var node = reversedNodesInDecreasingDepth_1_1.value;
              nodeIDToNode[node.id] = node;
              if (!(node.id in nodesDepths)) {
                nodesDepths[node.id] = 0;
              }
              var depth = nodesDepths[node.id];
              var previousDepth = layersDepths[node.outboundLayer.id] == null ? 0 : layersDepths[node.outboundLayer.id];
              depth = Math.max(depth, previousDepth);
              layersDepths[node.outboundLayer.id] = depth;
              layerIDToLayer[node.outboundLayer.id] = node.outboundLayer;
              nodesDepths[node.id] = depth;
              for (var i = 0; i < node.inboundLayers.length; i++) {
                var inboundLayer = node.inboundLayers[i];
                var nodeIndex = node.nodeIndices[i];
                var inboundNode = inboundLayer.inboundNodes[nodeIndex];
                var previousDepth_1 = nodesDepths[inboundNode.id] == null ? 0 : nodesDepths[inboundNode.id];
                nodesDepths[inboundNode.id] = Math.max(depth + 1, previousDepth_1);
                nodeIDToNode[inboundNode.id] = inboundNode;
              }
            }
          } catch (e_5_1) {
            e_5 = { error: e_5_1 };
          } finally {
            try {
              if (reversedNodesInDecreasingDepth_1_1 && !reversedNodesInDecreasingDepth_1_1.done && (_e = reversedNodesInDecreasingDepth_1.return)) _e.call(reversedNodesInDecreasingDepth_1);
            } finally {
              if (e_5) throw e_5.error;
            }
          }
          var nodesByDepth = {};
          for (var nodeID in nodesDepths) {
            var depth = nodesDepths[nodeID];
            if (!(depth in nodesByDepth)) {
              nodesByDepth[depth] = [];
            }
            nodesByDepth[depth].push(nodeIDToNode[nodeID]);
          }
          var layersByDepth = {};
          for (var layerID in layersDepths) {
            var depth = layersDepths[layerID];
            if (!(depth in layersByDepth)) {
              layersByDepth[depth] = [];
            }
            layersByDepth[depth].push(layerIDToLayer[layerID]);
          }
          var depthKeys = Object.keys(layersByDepth).map(function(x2) {
            return parseInt(x2, 10);
          }).sort(reverseNumberCompare);
          _this.layers = [];
          try {
            for (var depthKeys_1 = __values(depthKeys), depthKeys_1_1 = depthKeys_1.next(); !depthKeys_1_1.done; depthKeys_1_1 = depthKeys_1.next()) {
              var depth = depthKeys_1_1.value;
              var layersForDepth = layersByDepth[depth];
              layersForDepth.sort(function(a, b) {
                var aIndex = layerIndices[a.id];
                var bIndex = layerIndices[b.id];
                if (aIndex < bIndex) {
                  return -1;
                }
                if (aIndex > bIndex) {
                  return 1;
                }
                return 0;
              });
              try {
                for (var layersForDepth_1 = (e_7 = void 0, __values(layersForDepth)), layersForDepth_1_1 = layersForDepth_1.next(); !layersForDepth_1_1.done; layersForDepth_1_1 = layersForDepth_1.next()) {
                  var layer = layersForDepth_1_1.value;
                  if (layer instanceof Container2) {
                    _this.internalContainerRefs.push(layer);
                  }
                  _this.layers.push(layer);
                }
              } catch (e_7_1) {
                e_7 = { error: e_7_1 };
              } finally {
                try {
                  if (layersForDepth_1_1 && !layersForDepth_1_1.done && (_g = layersForDepth_1.return)) _g.call(layersForDepth_1);
                } finally {
                  if (e_7) throw e_7.error;
                }
              }
            }
          } catch (e_6_1) {
            e_6 = { error: e_6_1 };
          } finally {
            try {
              if (depthKeys_1_1 && !depthKeys_1_1.done && (_f = depthKeys_1.return)) _f.call(depthKeys_1);
            } finally {
              if (e_6) throw e_6.error;
            }
          }
          _this.layersByDepth = layersByDepth;
          depthKeys = Object.keys(nodesByDepth).map(function(x2) {
            return parseInt(x2, 10);
          }).sort(reverseNumberCompare);
          var computableTensors = _this.inputs.slice();
          var layersWithCompleteInput = [];
          try {
            for (var depthKeys_2 = __values(depthKeys), depthKeys_2_1 = depthKeys_2.next(); !depthKeys_2_1.done; depthKeys_2_1 = depthKeys_2.next()) {
              var depth = depthKeys_2_1.value;
              try {
                for (var _w = (e_9 = void 0, __values(nodesByDepth[depth])), _x = _w.next(); !_x.done; _x = _w.next()) {
                  var node = _x.value;
                  var layer = node.outboundLayer;
                  if (layer != null) {
                    try {
                      for (var _y = (e_10 = void 0, __values(node.inputTensors)), _z = _y.next(); !_z.done; _z = _y.next()) {
                        var x = _z.value;
                        if (computableTensors.indexOf(x) === -1) {
                          throw new RuntimeError("Graph disconnected: cannot obtain value for tensor ".concat(x) + ' at layer "'.concat(layer.name, '". ') + "The following previous layers were accessed without " + "issue: ".concat(layersWithCompleteInput));
                        }
                      }
                    } catch (e_10_1) {
                      e_10 = { error: e_10_1 };
                    } finally {
                      try {
                        if (_z && !_z.done && (_k = _y.return)) _k.call(_y);
                      } finally {
                        if (e_10) throw e_10.error;
                      }
                    }
                    try {
                      for (var _0 = (e_11 = void 0, __values(node.outputTensors)), _1 = _0.next(); !_1.done; _1 = _0.next()) {
                        var x = _1.value;
                        computableTensors.push(x);
                      }
                    } catch (e_11_1) {
                      e_11 = { error: e_11_1 };
                    } finally {
                      try {
                        if (_1 && !_1.done && (_l = _0.return)) _l.call(_0);
                      } finally {
                        if (e_11) throw e_11.error;
                      }
                    }
                    layersWithCompleteInput.push(layer.name);
                  }
                }
              } catch (e_9_1) {
                e_9 = { error: e_9_1 };
              } finally {
                try {
                  if (_x && !_x.done && (_j = _w.return)) _j.call(_w);
                } finally {
                  if (e_9) throw e_9.error;
                }
              }
            }
          } catch (e_8_1) {
            e_8 = { error: e_8_1 };
          } finally {
            try {
              if (depthKeys_2_1 && !depthKeys_2_1.done && (_h = depthKeys_2.return)) _h.call(depthKeys_2);
            } finally {
              if (e_8) throw e_8.error;
            }
          }
          _this.nodesByDepth = nodesByDepth;
          var allNames = _this.layers.map(function(x2) {
            return x2.name;
          });
          var _loop_1 = function(name2) {
            var numOccurrences = allNames.filter(function(x2) {
              return x2 === name2;
            }).length;
            if (numOccurrences !== 1) {
              throw new RuntimeError('The name "'.concat(name2, '" is used ').concat(numOccurrences, " times ") + "in the model. All layer names should be unique. Layer names: " + JSON.stringify(allNames));
            }
          };
          try {
            for (var allNames_1 = __values(allNames), allNames_1_1 = allNames_1.next(); !allNames_1_1.done; allNames_1_1 = allNames_1.next()) {
              var name = allNames_1_1.value;
              _loop_1(name);
            }
          } catch (e_12_1) {
            e_122 = { error: e_12_1 };
          } finally {
            try {
              if (allNames_1_1 && !allNames_1_1.done && (_m = allNames_1.return)) _m.call(allNames_1);
            } finally {
              if (e_122) throw e_122.error;
            }
          }
          _this.outboundNodes = [];
          _this.inboundNodes = [];
          new Node({
            outboundLayer: _this,
            inboundLayers: [],
            nodeIndices: [],
            tensorIndices: [],
            inputTensors: _this.inputs,
            outputTensors: _this.outputs,
            inputMasks: _this.inputs.map(function(x2) {
              return null;
            }),
            outputMasks: _this.outputs.map(function(x2) {
              return null;
            }),
            inputShapes: _this.inputs.map(function(x2) {
              return x2.shape;
            }),
            outputShapes: _this.outputs.map(function(x2) {
              return x2.shape;
            })
          });
          _this.built = true;
          _this._refCount = 1;
          return _this;
        }
        Container2.prototype.assertNotDisposed = function() {
          if (this._refCount === 0) {
            throw new Error("Container '".concat(this.name, "' is already disposed."));
          }
        };
        Container2.prototype.dispose = function() {
          var e_13, _a2, e_14, _b;
          this.assertNotDisposed();
          var result = { refCountAfterDispose: null, numDisposedVariables: 0 };
          if (--this._refCount === 0) {
            try {
              for (var _c = __values(this.layers), _d = _c.next(); !_d.done; _d = _c.next()) {
                var layer = _d.value;
                result.numDisposedVariables += layer.dispose().numDisposedVariables;
              }
            } catch (e_13_1) {
              e_13 = { error: e_13_1 };
            } finally {
              try {
                if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
              } finally {
                if (e_13) throw e_13.error;
              }
            }
            try {
              for (var _e = __values(this.internalContainerRefs), _f = _e.next(); !_f.done; _f = _e.next()) {
                var container = _f.value;
                result.numDisposedVariables += container.dispose().numDisposedVariables;
              }
            } catch (e_14_1) {
              e_14 = { error: e_14_1 };
            } finally {
              try {
                if (_f && !_f.done && (_b = _e.return)) _b.call(_e);
              } finally {
                if (e_14) throw e_14.error;
              }
            }
          }
          result.refCountAfterDispose = this._refCount;
          return result;
        };
        Object.defineProperty(Container2.prototype, "trainable", {
          get: function() {
            return this.trainable_;
          },
          set: function(trainable) {
            this.layers.forEach(function(layer) {
              layer._trainableWeights.forEach(function(w) {
                return w.trainable = trainable;
              });
            });
            this.trainable_ = trainable;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Container2.prototype, "trainableWeights", {
          get: function() {
            var e_15, _a2;
            if (this._trainableWeights.length > 0) {
              throw new ValueError("Container instance unexpectedly contains _trainableWeights.The trainable weights of a Container are a union of the trainable weights of its consituent Layers. Its own _trainableWeights must remain an empty Array.");
            }
            if (!this.trainable) {
              return [];
            }
            var weights = [];
            try {
              for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
                var layer = _c.value;
                weights = weights.concat(layer.trainableWeights);
              }
            } catch (e_15_1) {
              e_15 = { error: e_15_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_15) throw e_15.error;
              }
            }
            return weights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Container2.prototype, "nonTrainableWeights", {
          get: function() {
            var e_16, _a2, e_17, _b;
            var weights = [];
            try {
              for (var _c = __values(this.layers), _d = _c.next(); !_d.done; _d = _c.next()) {
                var layer = _d.value;
                weights.push.apply(weights, __spreadArray([], __read(layer.nonTrainableWeights), false));
              }
            } catch (e_16_1) {
              e_16 = { error: e_16_1 };
            } finally {
              try {
                if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
              } finally {
                if (e_16) throw e_16.error;
              }
            }
            if (!this.trainable) {
              var trainableWeights = [];
              try {
                for (var _e = __values(this.layers), _f = _e.next(); !_f.done; _f = _e.next()) {
                  var layer = _f.value;
                  trainableWeights.push.apply(trainableWeights, __spreadArray([], __read(layer.trainableWeights), false));
                }
              } catch (e_17_1) {
                e_17 = { error: e_17_1 };
              } finally {
                try {
                  if (_f && !_f.done && (_b = _e.return)) _b.call(_e);
                } finally {
                  if (e_17) throw e_17.error;
                }
              }
              return trainableWeights.concat(weights);
            }
            return weights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Container2.prototype, "weights", {
          get: function() {
            return this.trainableWeights.concat(this.nonTrainableWeights);
          },
          enumerable: false,
          configurable: true
        });
        Container2.prototype.loadWeights = function(weights, strict) {
          var e_18, _a2, e_19, _b;
          if (strict === void 0) {
            strict = true;
          }
          var nameToWeight = {};
          var totalWeightsCount = 0;
          var modelIsKerasSavedModelFormat = isKerasSavedModelFormat(weights);
          if (modelIsKerasSavedModelFormat) {
            this.parseWeights(weights);
          }
          try {
            for (var _c = __values(this.layers), _d = _c.next(); !_d.done; _d = _c.next()) {
              var layer = _d.value;
              try {
                for (var _e = (e_19 = void 0, __values(layer.weights.entries())), _f = _e.next(); !_f.done; _f = _e.next()) {
                  var _g = __read(_f.value, 2), index = _g[0], weight = _g[1];
                  var parsedName = modelIsKerasSavedModelFormat ? "".concat(weight.name.split("/").slice(0, -1).join("/") + "/").concat(index) : weight.originalName;
                  if (nameToWeight[parsedName] != null) {
                    throw new ValueError("Duplicate weight name: ".concat(parsedName));
                  }
                  nameToWeight[parsedName] = weight;
                  totalWeightsCount++;
                }
              } catch (e_19_1) {
                e_19 = { error: e_19_1 };
              } finally {
                try {
                  if (_f && !_f.done && (_b = _e.return)) _b.call(_e);
                } finally {
                  if (e_19) throw e_19.error;
                }
              }
            }
          } catch (e_18_1) {
            e_18 = { error: e_18_1 };
          } finally {
            try {
              if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
            } finally {
              if (e_18) throw e_18.error;
            }
          }
          var weightValueTuples = [];
          for (var name in weights) {
            var validatedName = name;
            if (nameToWeight[name] == null) {
              var tokens = name.split("/");
              var shortenNameArray = tokens.slice(0, -2).concat([tokens[tokens.length - 1]]);
              validatedName = shortenNameArray.join("/");
            }
            if (nameToWeight[validatedName] != null) {
              weightValueTuples.push([nameToWeight[validatedName], weights[name]]);
            } else if (strict) {
              throw new ValueError("Provided weight data has no target variable: ".concat(name));
            }
            delete nameToWeight[validatedName];
          }
          if (strict) {
            var unsetNames = [];
            for (var name in nameToWeight) {
              unsetNames.push(name);
            }
            if (unsetNames.length > 0) {
              throw new ValueError("".concat(unsetNames.length, " of ").concat(totalWeightsCount, " weights are not set: ") + "".concat(unsetNames));
            }
          }
          batchSetValue(weightValueTuples);
        };
        Container2.prototype.parseWeights = function(weights) {
          var _loop_2 = function(key2) {
            var listParts = key2.split("/");
            var list = ["vars", "layer_checkpoint_dependencies"];
            var newKey = listParts.map(function(str) {
              if (str.startsWith("_")) {
                return str.slice(1);
              }
              return str;
            }).filter(function(str) {
              return !list.includes(str);
            }).join("/");
            if (newKey !== key2) {
              weights[newKey] = weights[key2];
              delete weights[key2];
            }
          };
          for (var key in Object.keys(weights)) {
            _loop_2(key);
          }
        };
        Container2.prototype.updatedConfig = function() {
          var theConfig = this.getConfig();
          var modelConfig = {};
          modelConfig["className"] = this.getClassName();
          modelConfig["config"] = theConfig;
          modelConfig["kerasVersion"] = "tfjs-layers ".concat(version);
          modelConfig["backend"] = "TensorFlow.js";
          return modelConfig;
        };
        Container2.prototype.toJSON = function(unused, returnString) {
          if (returnString === void 0) {
            returnString = true;
          }
          var modelConfig = convertTsToPythonic(this.updatedConfig());
          return returnString ? JSON.stringify(modelConfig) : modelConfig;
        };
        Container2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = toList(inputs);
            var feedDict = new FeedDict();
            for (var i = 0; i < _this.inputs.length; ++i) {
              feedDict.add(_this.inputs[i], inputs[i]);
            }
            return execute(_this.outputs, feedDict, kwargs);
          });
        };
        Container2.prototype.computeMask = function(inputs, mask) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = toList(inputs);
            var masks;
            if (mask == null) {
              masks = pyListRepeat(null, inputs.length);
            } else {
              masks = toList(mask);
            }
            return _this.runInternalGraph(inputs, masks)[1];
          });
        };
        Container2.prototype.computeOutputShape = function(inputShape) {
          var e_20, _a2, e_21, _b;
          var inputShapes = normalizeShapeList(inputShape);
          if (inputShapes.length !== this.inputLayers.length) {
            throw new ValueError("Invalid inputShape argument ".concat(inputShape, ": ") + "model has ".concat(this.inputLayers.length, " tensor inputs."));
          }
          var layersToOutputShapes = {};
          for (var i = 0; i < inputShapes.length; i++) {
            var layer = this.inputLayers[i];
            var inputShape_1 = inputShapes[i];
            var shapeKey = layer.name + "_0_0";
            layersToOutputShapes[shapeKey] = inputShape_1;
          }
          var depthKeys = Object.keys(this.nodesByDepth).map(function(x) {
            return parseInt(x, 10);
          }).sort(reverseNumberCompare);
          if (depthKeys.length > 1) {
            try {
              for (var depthKeys_3 = __values(depthKeys), depthKeys_3_1 = depthKeys_3.next(); !depthKeys_3_1.done; depthKeys_3_1 = depthKeys_3.next()) {
                var depth = depthKeys_3_1.value;
                var nodes = this.nodesByDepth[depth];
                try {
                  for (var nodes_1 = (e_21 = void 0, __values(nodes)), nodes_1_1 = nodes_1.next(); !nodes_1_1.done; nodes_1_1 = nodes_1.next()) {
                    var node = nodes_1_1.value;
                    var layer = node.outboundLayer;
                    if (this.inputLayers.map(function(x) {
                      return x.id;
                    }).indexOf(layer.id) !== -1) {
                      continue;
                    }
                    var inputShapes_1 = [];
                    for (var j = 0; j < node.inboundLayers.length; j++) {
                      var inboundLayer = node.inboundLayers[j];
                      var nodeIndex_2 = node.nodeIndices[j];
                      var tensorIndex = node.tensorIndices[j];
                      var shapeKey = "".concat(inboundLayer.name, "_").concat(nodeIndex_2, "_").concat(tensorIndex);
                      var inputShape_2 = layersToOutputShapes[shapeKey];
                      inputShapes_1.push(inputShape_2);
                    }
                    var outputShape = layer.computeOutputShape(singletonOrArray(inputShapes_1));
                    var outputShapes_1 = normalizeShapeList(outputShape);
                    var nodeIndex = layer.inboundNodes.indexOf(node);
                    for (var j = 0; j < outputShapes_1.length; j++) {
                      var shapeKey = "".concat(layer.name, "_").concat(nodeIndex, "_").concat(j);
                      layersToOutputShapes[shapeKey] = outputShapes_1[j];
                    }
                  }
                } catch (e_21_1) {
                  e_21 = { error: e_21_1 };
                } finally {
                  try {
                    if (nodes_1_1 && !nodes_1_1.done && (_b = nodes_1.return)) _b.call(nodes_1);
                  } finally {
                    if (e_21) throw e_21.error;
                  }
                }
              }
            } catch (e_20_1) {
              e_20 = { error: e_20_1 };
            } finally {
              try {
                if (depthKeys_3_1 && !depthKeys_3_1.done && (_a2 = depthKeys_3.return)) _a2.call(depthKeys_3);
              } finally {
                if (e_20) throw e_20.error;
              }
            }
          }
          var outputShapes = [];
          var outputShapeKeys = [];
          for (var i = 0; i < this.outputLayers.length; i++) {
            var layer = this.outputLayers[i];
            var nodeIndex = this.outputLayersNodeIndices[i];
            var tensorIndex = this.outputLayersTensorIndices[i];
            var shapeKey = "".concat(layer.name, "_").concat(nodeIndex, "_").concat(tensorIndex);
            outputShapeKeys.push(shapeKey);
          }
          for (var i = 0; i < outputShapeKeys.length; i++) {
            var key = outputShapeKeys[i];
            assert$1(key in layersToOutputShapes);
            outputShapes.push(layersToOutputShapes[key]);
          }
          return singletonOrArray(outputShapes);
        };
        Container2.prototype.runInternalGraph = function(inputs, masks) {
          var e_22, _a2, e_23, _b, e_24, _c, e_25, _d;
          if (masks == null) {
            masks = pyListRepeat(null, inputs.length);
          }
          var tensorMap = {};
          for (var i = 0; i < this.inputs.length; ++i) {
            var x = this.inputs[i];
            var y = inputs[i];
            var mask = masks[i];
            tensorMap[x.id] = [y, mask];
          }
          var depthKeys = Object.keys(this.nodesByDepth).map(function(x2) {
            return parseInt(x2, 10);
          }).sort(reverseNumberCompare);
          try {
            for (var depthKeys_4 = __values(depthKeys), depthKeys_4_1 = depthKeys_4.next(); !depthKeys_4_1.done; depthKeys_4_1 = depthKeys_4.next()) {
              var depth = depthKeys_4_1.value;
              var nodes = this.nodesByDepth[depth];
              try {
                for (var nodes_2 = (e_23 = void 0, __values(nodes)), nodes_2_1 = nodes_2.next(); !nodes_2_1.done; nodes_2_1 = nodes_2.next()) {
                  var node = nodes_2_1.value;
                  var layer = node.outboundLayer;
                  var referenceInputTensors = node.inputTensors;
                  var referenceOutputTensors = node.outputTensors;
                  var computedData = new Array();
                  try {
                    for (var referenceInputTensors_1 = (e_24 = void 0, __values(referenceInputTensors)), referenceInputTensors_1_1 = referenceInputTensors_1.next(); !referenceInputTensors_1_1.done; referenceInputTensors_1_1 = referenceInputTensors_1.next()) {
                      var x = referenceInputTensors_1_1.value;
                      if (x.id in tensorMap) {
                        computedData.push(tensorMap[x.id]);
                      }
                    }
                  } catch (e_24_1) {
                    e_24 = { error: e_24_1 };
                  } finally {
                    try {
                      if (referenceInputTensors_1_1 && !referenceInputTensors_1_1.done && (_c = referenceInputTensors_1.return)) _c.call(referenceInputTensors_1);
                    } finally {
                      if (e_24) throw e_24.error;
                    }
                  }
                  if (computedData.length === referenceInputTensors.length) {
                    var kwargs = {};
                    var computedTensors = void 0;
                    var computedMasks = void 0;
                    var outputTensors_1 = void 0;
                    var outputMasks_1 = void 0;
                    if (node.callArgs != null) {
                      kwargs = node.callArgs;
                    }
                    if (computedData.length === 1) {
                      var _e = __read(computedData[0], 2), computedTensor = _e[0], computedMask = _e[1];
                      if (kwargs["mask"] == null) {
                        kwargs["mask"] = computedMask;
                      }
                      outputTensors_1 = toList(layer.call(computedTensor, kwargs));
                      outputMasks_1 = toList(layer.computeMask(computedTensor, computedMask));
                      computedTensors = [computedTensor];
                      computedMasks = [computedMask];
                    } else {
                      computedTensors = computedData.map(function(x2) {
                        return x2[0];
                      });
                      computedMasks = computedData.map(function(x2) {
                        return x2[1];
                      });
                      if (kwargs["mask"] == null) {
                        kwargs["mask"] = computedMasks;
                      }
                      outputTensors_1 = toList(layer.call(computedTensors, kwargs));
                      outputMasks_1 = toList(layer.computeMask(computedTensors, computedMasks));
                    }
                    if (layer.activityRegularizer) {
                      throw new NotImplementedError("LayersModel invocation with concrete Tensor value(s) in the presence of activity regularizer(s) is not supported yet.");
                    }
                    for (var i = 0; i < referenceOutputTensors.length; ++i) {
                      var x = referenceOutputTensors[i];
                      var y = outputTensors_1[i];
                      var mask = outputMasks_1[i];
                      tensorMap[x.id] = [y, mask];
                    }
                  }
                }
              } catch (e_23_1) {
                e_23 = { error: e_23_1 };
              } finally {
                try {
                  if (nodes_2_1 && !nodes_2_1.done && (_b = nodes_2.return)) _b.call(nodes_2);
                } finally {
                  if (e_23) throw e_23.error;
                }
              }
            }
          } catch (e_22_1) {
            e_22 = { error: e_22_1 };
          } finally {
            try {
              if (depthKeys_4_1 && !depthKeys_4_1.done && (_a2 = depthKeys_4.return)) _a2.call(depthKeys_4);
            } finally {
              if (e_22) throw e_22.error;
            }
          }
          var outputTensors = [];
          var outputMasks = [];
          var outputShapes = [];
          try {
            for (var _f = __values(this.outputs), _g = _f.next(); !_g.done; _g = _f.next()) {
              var x = _g.value;
              assert$1(x.id in tensorMap, "Could not compute output ".concat(x.name, " : ").concat(x.id));
              var _h = __read(tensorMap[x.id], 2), tensor = _h[0], mask = _h[1];
              outputShapes.push(tensor.shape);
              outputTensors.push(tensor);
              outputMasks.push(mask);
            }
          } catch (e_25_1) {
            e_25 = { error: e_25_1 };
          } finally {
            try {
              if (_g && !_g.done && (_d = _f.return)) _d.call(_f);
            } finally {
              if (e_25) throw e_25.error;
            }
          }
          return [outputTensors, outputMasks, outputShapes];
        };
        Container2.prototype.buildNodeConversionMap = function(layers) {
          var e_26, _a2;
          var nodeConversionMap = {};
          var keptNodes;
          try {
            for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              keptNodes = layer instanceof Container2 ? 1 : 0;
              for (var originalNodeIndex = 0; originalNodeIndex < layer.inboundNodes.length; originalNodeIndex++) {
                var nodeKey = Container2.nodeKey(layer, originalNodeIndex);
                if (this.containerNodes.has(nodeKey)) {
                  nodeConversionMap[nodeKey] = keptNodes;
                  keptNodes += 1;
                }
              }
            }
          } catch (e_26_1) {
            e_26 = { error: e_26_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_26) throw e_26.error;
            }
          }
          return nodeConversionMap;
        };
        Container2.prototype.getLayer = function(nameOrIndex, index) {
          var e_27, _a2;
          if (index != null) {
            return this.findLayer(index);
          } else {
            if (nameOrIndex == null) {
              throw new ValueError("Provide either a layer name or layer index");
            }
            if (typeof nameOrIndex === "number") {
              return this.findLayer(nameOrIndex);
            }
          }
          try {
            for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              if (layer.name === nameOrIndex) {
                return layer;
              }
            }
          } catch (e_27_1) {
            e_27 = { error: e_27_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_27) throw e_27.error;
            }
          }
          throw new ValueError("No such layer: ".concat(nameOrIndex));
        };
        Container2.prototype.findLayer = function(index) {
          if (this.layers.length <= index) {
            throw new ValueError("Was asked to retrieve layer at index ".concat(index, ", but model only ") + "has ".concat(this.layers.length, " layer(s)."));
          } else {
            return this.layers[index];
          }
        };
        Container2.prototype.calculateLosses = function() {
          var _this = this;
          return tfc.tidy(function() {
            var e_28, _a2;
            var losses = [];
            try {
              for (var _b = __values(_this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
                var layer = _c.value;
                for (var nodeIndex = 0; nodeIndex < layer.inboundNodes.length; ++nodeIndex) {
                  var nodeKey = Container2.nodeKey(layer, nodeIndex);
                  if (_this.containerNodes.has(nodeKey)) {
                    losses.push.apply(losses, __spreadArray([], __read(layer.calculateLosses()), false));
                  }
                }
              }
            } catch (e_28_1) {
              e_28 = { error: e_28_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_28) throw e_28.error;
              }
            }
            return losses;
          });
        };
        Container2.prototype.getConfig = function() {
          var e_29, _a2;
          var config = { name: this.name };
          var nodeConversionMap = this.buildNodeConversionMap(this.layers);
          var layerConfigs = [];
          try {
            for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              var layerClassName = layer.getClassName();
              var layerConfig = layer.getConfig();
              var filteredInboundNodes = [];
              for (var originalNodeIndex = 0; originalNodeIndex < layer.inboundNodes.length; originalNodeIndex++) {
                var node = layer.inboundNodes[originalNodeIndex];
                var nodeKey = Container2.nodeKey(layer, originalNodeIndex);
                var kwargs = {};
                if (this.containerNodes.has(nodeKey)) {
                  if (node.callArgs) {
                    try {
                      JSON.stringify(node.callArgs);
                      kwargs = node.callArgs;
                    } catch (err) {
                      console.warn("Layer ".concat(layer.name, " was passed ") + "non-serializable keyword arguments: " + "".concat(node.callArgs, ". They will not be included ") + "in the serialized model (and thus will be missing at deserialization time).");
                      kwargs = {};
                    }
                  }
                  if (node.inboundLayers.length > 0) {
                    var nodeData = [];
                    for (var i = 0; i < node.inboundLayers.length; i++) {
                      var inboundLayer = node.inboundLayers[i];
                      var nodeIndex = node.nodeIndices[i];
                      var tensorIndex = node.tensorIndices[i];
                      var nodeKey_1 = Container2.nodeKey(inboundLayer, nodeIndex);
                      var newNodeIndex = nodeConversionMap[nodeKey_1];
                      if (newNodeIndex == null) {
                        newNodeIndex = 0;
                      }
                      nodeData.push([inboundLayer.name, newNodeIndex, tensorIndex, kwargs]);
                    }
                    filteredInboundNodes.push(nodeData);
                  }
                }
              }
              var dict = {};
              dict["name"] = layer.name;
              dict["className"] = layerClassName;
              dict["config"] = layerConfig;
              dict["inboundNodes"] = filteredInboundNodes;
              layerConfigs.push(dict);
            }
          } catch (e_29_1) {
            e_29 = { error: e_29_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_29) throw e_29.error;
            }
          }
          config["layers"] = layerConfigs;
          var modelInputs = [];
          for (var i = 0; i < this.inputLayers.length; i++) {
            var layer = this.inputLayers[i];
            var nodeIndex = this.inputLayersNodeIndices[i];
            var nodeKey = Container2.nodeKey(layer, nodeIndex);
            if (!this.containerNodes.has(nodeKey)) {
              continue;
            }
            var newNodeIndex = nodeConversionMap[nodeKey];
            if (newNodeIndex === null || newNodeIndex === void 0) {
              newNodeIndex = 0;
            }
            var tensorIndex = this.inputLayersTensorIndices[i];
            modelInputs.push([layer.name, newNodeIndex, tensorIndex]);
          }
          config["inputLayers"] = modelInputs;
          var modelOutputs = [];
          for (var i = 0; i < this.outputLayers.length; i++) {
            var layer = this.outputLayers[i];
            var nodeIndex = this.outputLayersNodeIndices[i];
            var nodeKey = Container2.nodeKey(layer, nodeIndex);
            if (!this.containerNodes.has(nodeKey)) {
              continue;
            }
            var newNodeIndex = nodeConversionMap[nodeKey];
            if (newNodeIndex === null || newNodeIndex === void 0) {
              newNodeIndex = 0;
            }
            var tensorIndex = this.outputLayersTensorIndices[i];
            modelOutputs.push([layer.name, newNodeIndex, tensorIndex]);
          }
          config["outputLayers"] = modelOutputs;
          return config;
        };
        Container2.fromConfig = function(cls, config, customObjects, fastWeightInit) {
          var e_30, _a2, e_31, _b, e_32, _c, e_33, _d, e_34, _e;
          if (fastWeightInit === void 0) {
            fastWeightInit = false;
          }
          var createdLayers = {};
          var unprocessedNodes = {};
          function addUnprocessedNode(layer2, nodeData2) {
            if (!(layer2.name in unprocessedNodes)) {
              unprocessedNodes[layer2.name] = [nodeData2];
            } else {
              unprocessedNodes[layer2.name].push(nodeData2);
            }
          }
          function processNode(layer2, nodeData2) {
            var e_35, _a3;
            var inputTensors2 = [];
            var kwargs;
            try {
              for (var nodeData_1 = __values(nodeData2), nodeData_1_1 = nodeData_1.next(); !nodeData_1_1.done; nodeData_1_1 = nodeData_1.next()) {
                var inputData = nodeData_1_1.value;
                var inboundLayerName = inputData[0];
                var inboundNodeIndex = inputData[1];
                var inboundTensorIndex = inputData[2];
                kwargs = inputData[3] == null ? {} : inputData[3];
                if (!(inboundLayerName in createdLayers)) {
                  addUnprocessedNode(layer2, nodeData2);
                  return;
                }
                var inboundLayer = createdLayers[inboundLayerName];
                if (inboundLayer.inboundNodes.length <= inboundNodeIndex) {
                  addUnprocessedNode(layer2, nodeData2);
                  return;
                }
                var inboundNode = inboundLayer.inboundNodes[inboundNodeIndex];
                inputTensors2.push(inboundNode.outputTensors[inboundTensorIndex]);
              }
            } catch (e_35_1) {
              e_35 = { error: e_35_1 };
            } finally {
              try {
                if (nodeData_1_1 && !nodeData_1_1.done && (_a3 = nodeData_1.return)) _a3.call(nodeData_1);
              } finally {
                if (e_35) throw e_35.error;
              }
            }
            if (inputTensors2.length > 0) {
              layer2.apply(singletonOrArray(inputTensors2), kwargs);
            }
          }
          function processLayer(layerData2) {
            var layerName2 = layerData2["name"];
            var layer2 = deserialize(layerData2, config["customObjects"] != null ? config["customObjects"] : {});
            layer2.setFastWeightInitDuringBuild(fastWeightInit);
            createdLayers[layerName2] = layer2;
            var inboundNodesData = layerData2["inboundNodes"];
            inboundNodesData.forEach(function(nodeData2) {
              if (!(nodeData2 instanceof Array)) {
                throw new ValueError("Corrupted configuration, expected array for nodeData: ".concat(nodeData2));
              }
              addUnprocessedNode(layer2, nodeData2);
            });
          }
          var name = config["name"];
          var layersFromConfig = config["layers"];
          try {
            for (var layersFromConfig_1 = __values(layersFromConfig), layersFromConfig_1_1 = layersFromConfig_1.next(); !layersFromConfig_1_1.done; layersFromConfig_1_1 = layersFromConfig_1.next()) {
              var layerData = layersFromConfig_1_1.value;
              processLayer(layerData);
            }
          } catch (e_30_1) {
            e_30 = { error: e_30_1 };
          } finally {
            try {
              if (layersFromConfig_1_1 && !layersFromConfig_1_1.done && (_a2 = layersFromConfig_1.return)) _a2.call(layersFromConfig_1);
            } finally {
              if (e_30) throw e_30.error;
            }
          }
          while (!isObjectEmpty(unprocessedNodes)) {
            try {
              for (var layersFromConfig_2 = (e_31 = void 0, __values(layersFromConfig)), layersFromConfig_2_1 = layersFromConfig_2.next(); !layersFromConfig_2_1.done; layersFromConfig_2_1 = layersFromConfig_2.next()) {
                var layerData = layersFromConfig_2_1.value;
                var layer = createdLayers[layerData["name"]];
                if (layer.name in unprocessedNodes) {
                  var currentUnprocessedNodesForLayer = unprocessedNodes[layer.name];
                  delete unprocessedNodes[layer.name];
                  try {
                    for (var currentUnprocessedNodesForLayer_1 = (e_32 = void 0, __values(currentUnprocessedNodesForLayer)), currentUnprocessedNodesForLayer_1_1 = currentUnprocessedNodesForLayer_1.next(); !currentUnprocessedNodesForLayer_1_1.done; currentUnprocessedNodesForLayer_1_1 = currentUnprocessedNodesForLayer_1.next()) {
                      var nodeData = currentUnprocessedNodesForLayer_1_1.value;
                      processNode(layer, nodeData);
                    }
                  } catch (e_32_1) {
                    e_32 = { error: e_32_1 };
                  } finally {
                    try {
                      if (currentUnprocessedNodesForLayer_1_1 && !currentUnprocessedNodesForLayer_1_1.done && (_c = currentUnprocessedNodesForLayer_1.return)) _c.call(currentUnprocessedNodesForLayer_1);
                    } finally {
                      if (e_32) throw e_32.error;
                    }
                  }
                }
              }
            } catch (e_31_1) {
              e_31 = { error: e_31_1 };
            } finally {
              try {
                if (layersFromConfig_2_1 && !layersFromConfig_2_1.done && (_b = layersFromConfig_2.return)) _b.call(layersFromConfig_2);
              } finally {
                if (e_31) throw e_31.error;
              }
            }
          }
          var inputTensors = [];
          var outputTensors = [];
          var inputLayersFromConfig = config["inputLayers"];
          try {
            for (var inputLayersFromConfig_1 = __values(inputLayersFromConfig), inputLayersFromConfig_1_1 = inputLayersFromConfig_1.next(); !inputLayersFromConfig_1_1.done; inputLayersFromConfig_1_1 = inputLayersFromConfig_1.next()) {
              var layerData = inputLayersFromConfig_1_1.value;
              var layerName = layerData[0];
              var nodeIndex = layerData[1];
              var tensorIndex = layerData[2];
              assert$1(layerName in createdLayers);
              var layer = createdLayers[layerName];
              var layerOutputTensors = layer.inboundNodes[nodeIndex].outputTensors;
              inputTensors.push(layerOutputTensors[tensorIndex]);
            }
          } catch (e_33_1) {
            e_33 = { error: e_33_1 };
          } finally {
            try {
              if (inputLayersFromConfig_1_1 && !inputLayersFromConfig_1_1.done && (_d = inputLayersFromConfig_1.return)) _d.call(inputLayersFromConfig_1);
            } finally {
              if (e_33) throw e_33.error;
            }
          }
          var outputLayersFromConfig = config["outputLayers"];
          try {
            for (var outputLayersFromConfig_1 = __values(outputLayersFromConfig), outputLayersFromConfig_1_1 = outputLayersFromConfig_1.next(); !outputLayersFromConfig_1_1.done; outputLayersFromConfig_1_1 = outputLayersFromConfig_1.next()) {
              var layerData = outputLayersFromConfig_1_1.value;
              var layerName = layerData[0];
              var nodeIndex = layerData[1];
              var tensorIndex = layerData[2];
              assert$1(layerName in createdLayers);
              var layer = createdLayers[layerName];
              var layerOutputTensors = layer.inboundNodes[nodeIndex].outputTensors;
              outputTensors.push(layerOutputTensors[tensorIndex]);
            }
          } catch (e_34_1) {
            e_34 = { error: e_34_1 };
          } finally {
            try {
              if (outputLayersFromConfig_1_1 && !outputLayersFromConfig_1_1.done && (_e = outputLayersFromConfig_1.return)) _e.call(outputLayersFromConfig_1);
            } finally {
              if (e_34) throw e_34.error;
            }
          }
          return new cls({ inputs: inputTensors, outputs: outputTensors, name });
        };
        Object.defineProperty(Container2.prototype, "stateful", {
          /**
           * Determine whether the container is stateful.
           *
           * Porting Note: this is the equivalent of the stateful @property of
           *   the Container class in PyKeras.
           */
          get: function() {
            var e_36, _a2;
            if (this._stateful) {
              throw new ValueError("Container instance unexpectedly has _stateful = true. The statefulness of a Container is determined by the Layers it contains. Its _stateful property must remain the default false.");
            }
            try {
              for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
                var layer = _c.value;
                if (layer.stateful) {
                  return true;
                }
              }
            } catch (e_36_1) {
              e_36 = { error: e_36_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_36) throw e_36.error;
              }
            }
            return false;
          },
          enumerable: false,
          configurable: true
        });
        Container2.prototype.resetStates = function() {
          var _this = this;
          tfc.tidy(function() {
            _this.layers.forEach(function(layer) {
              if (layer.stateful) {
                layer.resetStates();
              }
            });
          });
        };
        return Container2;
      })(Layer)
    );
    function standardizeSampleOrClassWeights(xWeight, outputNames, weightType) {
      var numOutputs = outputNames.length;
      if (xWeight == null || Array.isArray(xWeight) && xWeight.length === 0) {
        return outputNames.map(function(name) {
          return null;
        });
      }
      if (numOutputs === 1) {
        if (Array.isArray(xWeight) && xWeight.length === 1) {
          return xWeight;
        } else if (typeof xWeight === "object" && outputNames[0] in xWeight) {
          return [xWeight[outputNames[0]]];
        } else {
          return [xWeight];
        }
      }
      if (Array.isArray(xWeight)) {
        if (xWeight.length !== numOutputs) {
          throw new Error("Provided ".concat(weightType, " is an array of ").concat(xWeight.length, " ") + "element(s), but the model has ".concat(numOutputs, " outputs. ") + "Make sure a set of weights is provided for each model output.");
        }
        return xWeight;
      } else if (typeof xWeight === "object" && Object.keys(xWeight).length > 0 && typeof xWeight[Object.keys(xWeight)[0]] === "object") {
        var output_1 = [];
        outputNames.forEach(function(outputName) {
          if (outputName in xWeight) {
            output_1.push(xWeight[outputName]);
          } else {
            output_1.push(null);
          }
        });
        return output_1;
      } else {
        throw new Error("The model has multiple (".concat(numOutputs, ") outputs, ") + "so ".concat(weightType, " must be either an array with ") + "".concat(numOutputs, " elements or an object with ").concat(outputNames, " keys. ") + "Provided ".concat(weightType, " not understood: ").concat(JSON.stringify(xWeight)));
      }
    }
    function standardizeClassWeights(classWeight, outputNames) {
      return standardizeSampleOrClassWeights(classWeight, outputNames, "classWeight");
    }
    function standardizeWeights(y, sampleWeight, classWeight, sampleWeightMode) {
      return __awaiter(this, void 0, void 0, function() {
        var yClasses, yClassIndices, _a2, _b, classSampleWeight_1;
        return __generator(this, function(_c) {
          switch (_c.label) {
            case 0:
              if (sampleWeight != null || sampleWeightMode != null) {
                throw new Error("Support sampleWeight is not implemented yet");
              }
              if (!(classWeight != null)) return [3, 2];
              yClasses = tfc.tidy(function() {
                if (y.shape.length === 1) {
                  return tfc.clone(y);
                } else if (y.shape.length === 2) {
                  if (y.shape[1] > 1) {
                    var axis = 1;
                    return tfc.argMax(y, axis);
                  } else if (y.shape[1] === 1) {
                    return tfc.reshape(y, [y.shape[0]]);
                  } else {
                    throw new Error("Encountered unexpected last-dimension size (".concat(y.shape[1], ") ") + "during handling of class weights. The size is expected to be >= 1.");
                  }
                } else {
                  throw new Error("Unexpected rank of target (y) tensor (".concat(y.rank, ") during ") + "handling of class weights. The rank is expected to be 1 or 2.");
                }
              });
              _b = (_a2 = Array).from;
              return [4, yClasses.data()];
            case 1:
              yClassIndices = _b.apply(_a2, [_c.sent()]);
              tfc.dispose(yClasses);
              classSampleWeight_1 = [];
              yClassIndices.forEach(function(classIndex) {
                if (classWeight[classIndex] == null) {
                  throw new Error("classWeight must contain all classes in the training data. " + "The class ".concat(classIndex, " exists in the data but not in ") + "classWeight");
                } else {
                  classSampleWeight_1.push(classWeight[classIndex]);
                }
              });
              return [2, tfc.tensor1d(classSampleWeight_1, "float32")];
            case 2:
              return [2, null];
          }
        });
      });
    }
    function computeWeightedLoss(losses, sampleWeights) {
      return tfc.mul(losses, sampleWeights);
    }
    var DEFAULT_VALIDATION_BATCH_SIZE = 32;
    function standardizeDataIteratorOutput(model2, iteratorOut) {
      var xs;
      var ys;
      var iteratorOutObj = iteratorOut;
      xs = iteratorOutObj["xs"];
      ys = iteratorOutObj["ys"];
      tfc__namespace.util.assert(xs != null && ys != null, function() {
        return "A Dataset iterator for fitDataset() is expected to generate objects of the form `{xs: xVal, ys: yVal}`, where the two values may be `tf.Tensor`, an array of Tensors, or a map of string to Tensor.  The provided Dataset instead generates " + "".concat(iteratorOut);
      });
      var flattenedXs = flattenTensorOrArrayOrMap("input", model2.inputNames, xs);
      var flattenedYs = flattenTensorOrArrayOrMap("output", model2.outputNames, ys);
      var batchSize = flattenedXs[0].shape[0];
      tfc__namespace.util.assert(flattenedXs.length === model2.inputs.length, function() {
        return "LayersModel has ".concat(model2.inputs.length, " inputs, but the dataset ") + "provides ".concat(flattenedXs.length, " inputs.  (Expected input keys: ") + "".concat(JSON.stringify(model2.inputNames), ")");
      });
      tfc__namespace.util.assert(flattenedYs.length === model2.outputs.length, function() {
        return "LayersModel has ".concat(model2.outputs.length, " outputs, but the dataset ") + "provides ".concat(flattenedYs.length, " outputs.  (Expected output keys: ") + "".concat(JSON.stringify(model2.outputNames), ")");
      });
      var _loop_1 = function(xIndex2) {
        tfc__namespace.util.assert(flattenedXs[xIndex2].shape[0] === batchSize, function() {
          return "Batch size mismatch: input " + "".concat(model2.inputNames[xIndex2], " has ").concat(flattenedXs[xIndex2].shape[0], "; ") + "expected  ".concat(batchSize, " based on input ").concat(model2.inputNames[0], ".");
        });
      };
      for (var xIndex = 0; xIndex < flattenedXs.length; xIndex++) {
        _loop_1(xIndex);
      }
      var _loop_2 = function(yIndex2) {
        tfc__namespace.util.assert(flattenedYs[yIndex2].shape[0] === batchSize, function() {
          return "Batch size mismatch: output " + "".concat(model2.outputNames[yIndex2], " has ").concat(flattenedYs[yIndex2].shape[0], "; ") + "expected  ".concat(batchSize, " based on input ").concat(model2.inputNames[0], ".");
        });
      };
      for (var yIndex = 0; yIndex < flattenedYs.length; yIndex++) {
        _loop_2(yIndex);
      }
      return { xs: flattenedXs, ys: flattenedYs };
    }
    function flattenTensorOrArrayOrMap(inputOrOutput, names, values) {
      var e_12, _a2;
      if (values instanceof tfc__namespace.Tensor) {
        return [values];
      } else if (Array.isArray(values)) {
        tfc__namespace.util.assert(values.length === names.length, function() {
          return "Received an array of ".concat(values.length, " Tensors, but expected ").concat(names.length, " to match the ").concat(inputOrOutput, " keys ").concat(names, ".");
        });
        return values;
      } else {
        var result = [];
        try {
          for (var names_1 = __values(names), names_1_1 = names_1.next(); !names_1_1.done; names_1_1 = names_1.next()) {
            var name = names_1_1.value;
            if (values[name] == null) {
              throw new ValueError("The feature data generated by the dataset lacks the required " + "".concat(inputOrOutput, " key '").concat(name, "'."));
            }
            result.push(values[name]);
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (names_1_1 && !names_1_1.done && (_a2 = names_1.return)) _a2.call(names_1);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
        return result;
      }
    }
    function standardizeTensorValidationData(data) {
      if (data.length === 3) {
        throw new NotImplementedError("Validation with sample weights is not implemented yet.");
      }
      return { xs: data[0], ys: data[1] };
    }
    function fitDataset(model2, dataset, args) {
      return __awaiter(this, void 0, void 0, function() {
        var hasBatchesPerEpoch, doValidation, valXs, valYs, validationData, trainFunction, outLabels, callbackMetrics, callbacks2, verbose, _a2, callbackList, history, epoch, dataIterator, epochLogs, stepsDone, batchIndex, iteratorOut, _b, xs, ys, batchLogs, sampleWeights, standardClassWeights, i, _c, _d, ins, outs, i, label, out, valOuts, _e, i;
        return __generator(this, function(_f) {
          switch (_f.label) {
            case 0:
              hasBatchesPerEpoch = args.batchesPerEpoch != null;
              tfc__namespace.util.assert(model2.optimizer != null, function() {
                return "You must compile a model before training/testing. Use LayersModel.compile(modelCompileConfig).";
              });
              tfc__namespace.util.assert(args != null, function() {
                return "For fitDataset(), the 2nd argument (config) is required, but it is not provided in this call.";
              });
              tfc__namespace.util.assert(args.epochs != null && args.epochs > 0 && Number.isInteger(args.epochs), function() {
                return "For fitDataset(), config.epochs is expected to be a positive " + "integer, but got ".concat(args.epochs);
              });
              tfc__namespace.util.assert(!hasBatchesPerEpoch || args.batchesPerEpoch > 0 && Number.isInteger(args.batchesPerEpoch), function() {
                return "For fitDataset(), config.batchesPerEpoch is expected to be a " + "positive integer if specified, but got ".concat(args.batchesPerEpoch);
              });
              tfc__namespace.util.assert(
                // tslint:disable-next-line:no-any
                args["validationSplit"] == null,
                function() {
                  return "`validationSplit` is not supported by `fitDataset()`. Use validationData instead.";
                }
              );
              if (model2.isTraining) {
                throw new Error("Cannot start training because another fit() call is ongoing.");
              }
              model2.isTraining = true;
              _f.label = 1;
            case 1:
              _f.trys.push([1, , 26, 27]);
              doValidation = args.validationData != null;
              valXs = void 0;
              valYs = void 0;
              if (doValidation) {
                if (isDatasetObject(args.validationData)) {
                  tfc__namespace.util.assert(args.validationBatches == null || args.validationBatches > 0 && Number.isInteger(args.validationBatches), function() {
                    return "For fitDataset() with dataset-based validation, config.validationBatches is expected not to be provided, or to be a positive integer, " + "but got ".concat(args.validationBatches);
                  });
                } else {
                  validationData = standardizeTensorValidationData(args.validationData);
                  valXs = validationData.xs;
                  valYs = validationData.ys;
                }
              }
              trainFunction = model2.makeTrainFunction();
              outLabels = model2.getDedupedMetricsNames();
              callbackMetrics = void 0;
              if (doValidation) {
                callbackMetrics = outLabels.slice().concat(outLabels.map(function(n) {
                  return "val_" + n;
                }));
              } else {
                callbackMetrics = outLabels.slice();
              }
              callbacks2 = standardizeCallbacks(args.callbacks, args.yieldEvery);
              verbose = args.verbose == null ? 1 : args.verbose;
              _a2 = configureCallbacks(
                callbacks2,
                verbose,
                args.epochs,
                null,
                null,
                getStepsPerEpoch(dataset, args),
                null,
                // Batch size determined by the dataset itself.
                doValidation,
                callbackMetrics
              ), callbackList = _a2.callbackList, history = _a2.history;
              callbackList.setModel(model2);
              model2.history = history;
              return [4, callbackList.onTrainBegin()];
            case 2:
              _f.sent();
              model2.stopTraining_ = false;
              epoch = args.initialEpoch == null ? 0 : args.initialEpoch;
              return [4, dataset.iterator()];
            case 3:
              dataIterator = _f.sent();
              _f.label = 4;
            case 4:
              if (!(epoch < args.epochs)) return [3, 23];
              epochLogs = {};
              return [4, callbackList.onEpochBegin(epoch)];
            case 5:
              _f.sent();
              stepsDone = 0;
              batchIndex = 0;
              if (!!hasBatchesPerEpoch) return [3, 7];
              return [4, dataset.iterator()];
            case 6:
              dataIterator = _f.sent();
              _f.label = 7;
            case 7:
              if (!(hasBatchesPerEpoch ? stepsDone < args.batchesPerEpoch : true)) return [3, 21];
              return [4, dataIterator.next()];
            case 8:
              iteratorOut = _f.sent();
              if (hasBatchesPerEpoch && iteratorOut.done) {
                console.warn("You provided `batchesPerEpoch` as " + "".concat(args.batchesPerEpoch, ", ") + "but your dataset iterator ran out of data after " + "".concat(stepsDone, " batches; ") + "interrupting training. Make sure that your dataset can generate at least `batchesPerEpoch * epochs` batches (in this case, " + "".concat(args.batchesPerEpoch * args.epochs, " batches). ") + "You may need to use the repeat() function when building your dataset.");
                return [3, 21];
              }
              if (!(iteratorOut.value != null)) return [3, 15];
              _b = standardizeDataIteratorOutput(model2, iteratorOut.value), xs = _b.xs, ys = _b.ys;
              batchLogs = {};
              batchLogs["batch"] = batchIndex;
              batchLogs["size"] = xs[0].shape[0];
              return [4, callbackList.onBatchBegin(batchIndex, batchLogs)];
            case 9:
              _f.sent();
              sampleWeights = [];
              if (!(args.classWeight != null)) return [3, 13];
              standardClassWeights = standardizeClassWeights(args.classWeight, model2.outputNames);
              i = 0;
              _f.label = 10;
            case 10:
              if (!(i < standardClassWeights.length)) return [3, 13];
              _d = (_c = sampleWeights).push;
              return [4, standardizeWeights(ys[i], null, standardClassWeights[i])];
            case 11:
              _d.apply(_c, [_f.sent()]);
              _f.label = 12;
            case 12:
              ++i;
              return [3, 10];
            case 13:
              ins = xs.concat(ys).concat(sampleWeights);
              outs = trainFunction(ins);
              tfc__namespace.dispose(ins);
              for (i = 0; i < outLabels.length; ++i) {
                label = outLabels[i];
                out = outs[i];
                batchLogs[label] = out;
                tfc__namespace.keep(out);
              }
              return [4, callbackList.onBatchEnd(batchIndex, batchLogs)];
            case 14:
              _f.sent();
              disposeTensorsInLogs(batchLogs);
              batchIndex++;
              stepsDone++;
              _f.label = 15;
            case 15:
              if (!(hasBatchesPerEpoch ? stepsDone >= args.batchesPerEpoch : iteratorOut.done)) return [3, 20];
              if (!doValidation) return [3, 19];
              valOuts = void 0;
              if (!isDatasetObject(args.validationData)) return [3, 17];
              _e = toList;
              return [4, model2.evaluateDataset(args.validationData, { batches: args.validationBatches })];
            case 16:
              valOuts = _e.apply(void 0, [_f.sent()]);
              return [3, 18];
            case 17:
              valOuts = toList(model2.evaluate(valXs, valYs, {
                batchSize: args.validationBatchSize == null ? DEFAULT_VALIDATION_BATCH_SIZE : args.validationBatchSize,
                verbose: 0
              }));
              _f.label = 18;
            case 18:
              for (i = 0; i < model2.metricsNames.length; ++i) {
                epochLogs["val_".concat(model2.metricsNames[i])] = valOuts[i];
              }
              _f.label = 19;
            case 19:
              return [3, 21];
            case 20:
              if (model2.stopTraining_) {
                return [3, 21];
              }
              return [3, 7];
            case 21:
              return [4, callbackList.onEpochEnd(epoch, epochLogs)];
            case 22:
              _f.sent();
              epoch++;
              if (model2.stopTraining_) {
                return [3, 23];
              }
              return [3, 4];
            case 23:
              return [4, callbackList.onTrainEnd()];
            case 24:
              _f.sent();
              return [4, model2.history.syncData()];
            case 25:
              _f.sent();
              return [2, model2.history];
            case 26:
              model2.isTraining = false;
              return [
                7
                /*endfinally*/
              ];
            case 27:
              return [
                2
                /*return*/
              ];
          }
        });
      });
    }
    function getStepsPerEpoch(dataset, args) {
      var stepsPerEpoch = null;
      if (args.batchesPerEpoch != null) {
        stepsPerEpoch = args.batchesPerEpoch;
      } else if (Number.isFinite(dataset.size)) {
        stepsPerEpoch = dataset.size;
      }
      return stepsPerEpoch;
    }
    function isDatasetObject(dataset) {
      return typeof dataset.iterator === "function";
    }
    function isLazyIteratorObject(iterator) {
      return typeof iterator.next === "function";
    }
    function evaluateDataset(model2, dataset, args) {
      return __awaiter(this, void 0, void 0, function() {
        var hasBatches, f, outs, dataIterator, _a2, numExamples, batch, _loop_3, state_1, i, oldScalar;
        return __generator(this, function(_b) {
          switch (_b.label) {
            case 0:
              args = args || {};
              hasBatches = args.batches != null;
              f = model2.testFunction;
              outs = [];
              if (args.verbose > 0) {
                throw new NotImplementedError("Verbose mode is not implemented yet.");
              }
              tfc__namespace.util.assert(!hasBatches || args.batches > 0 && Number.isInteger(args.batches), function() {
                return "Test loop expects `batches` to be a positive integer, but " + "received ".concat(JSON.stringify(args.batches));
              });
              if (!isLazyIteratorObject(dataset)) return [3, 1];
              _a2 = dataset;
              return [3, 3];
            case 1:
              return [4, dataset.iterator()];
            case 2:
              _a2 = _b.sent();
              _b.label = 3;
            case 3:
              dataIterator = _a2;
              numExamples = 0;
              batch = 0;
              _loop_3 = function() {
                var iteratorOut;
                return __generator(this, function(_c) {
                  switch (_c.label) {
                    case 0:
                      return [4, dataIterator.next()];
                    case 1:
                      iteratorOut = _c.sent();
                      outs = tfc__namespace.tidy(function() {
                        if (iteratorOut.value) {
                          var _a3 = standardizeDataIteratorOutput(model2, iteratorOut.value), xs = _a3.xs, ys = _a3.ys;
                          var xsAndYs_1 = xs.concat(ys);
                          var batchOuts = tfc__namespace.tidy(function() {
                            return f(xsAndYs_1);
                          });
                          tfc__namespace.dispose(xsAndYs_1);
                          if (batch === 0) {
                            for (var i2 = 0; i2 < batchOuts.length; ++i2) {
                              outs.push(tfc.scalar(0));
                            }
                          }
                          var batchSize_1 = xsAndYs_1[0].shape[0];
                          var _loop_4 = function(i3) {
                            var batchOut = batchOuts[i3];
                            var oldScalar2 = outs[i3];
                            outs[i3] = tfc__namespace.tidy(function() {
                              return tfc__namespace.add(outs[i3], tfc__namespace.mul(batchSize_1, batchOut));
                            });
                            if (batch > 0) {
                              tfc__namespace.dispose(oldScalar2);
                            }
                          };
                          for (var i2 = 0; i2 < batchOuts.length; ++i2) {
                            _loop_4(i2);
                          }
                          tfc__namespace.dispose(batchOuts);
                          numExamples += batchSize_1;
                          ++batch;
                        }
                        return outs;
                      });
                      if (iteratorOut.done) {
                        if (hasBatches) {
                          console.warn("Your dataset iterator ran out of data during evaluateDataset(). Interrupting evalution. Make sure that your dataset can generate at least `batches` " + "batches (in this case, ".concat(args.batches, " batches). ") + "You may need to use the repeat() function when building your dataset.");
                        }
                        return [2, "break"];
                      }
                      return [
                        2
                        /*return*/
                      ];
                  }
                });
              };
              _b.label = 4;
            case 4:
              if (!(hasBatches ? batch < args.batches : true)) return [3, 6];
              return [5, _loop_3()];
            case 5:
              state_1 = _b.sent();
              if (state_1 === "break")
                return [3, 6];
              return [3, 4];
            case 6:
              for (i = 0; i < outs.length; ++i) {
                oldScalar = outs[i];
                outs[i] = tfc__namespace.div(outs[i], numExamples);
                tfc__namespace.dispose(oldScalar);
              }
              return [2, singletonOrArray(outs)];
          }
        });
      });
    }
    function checkBatchSize(batchSize) {
      tfc__namespace.util.assert(batchSize > 0 && Number.isInteger(batchSize), function() {
        return "batchSize is required to be a positive integer, but got ".concat(batchSize);
      });
    }
    function sliceArrays(arrays, start, stop) {
      if (arrays == null) {
        return [null];
      } else if (Array.isArray(arrays)) {
        return arrays.map(function(array) {
          return sliceAlongFirstAxis(array, start, stop - start);
        });
      } else {
        return sliceAlongFirstAxis(arrays, start, stop - start);
      }
    }
    function sliceArraysByIndices(arrays, indices) {
      return tfc__namespace.tidy(function() {
        if (arrays == null) {
          return null;
        } else if (Array.isArray(arrays)) {
          return arrays.map(function(array) {
            return sliceArraysByIndices(array, indices);
          });
        } else {
          return gather$1(arrays, indices.dtype === "int32" ? indices : tfc__namespace.cast(indices, "int32"));
        }
      });
    }
    function makeBatches(size, batchSize) {
      var output = [];
      var batchStart = 0;
      var batchEnd = null;
      while (batchStart < size) {
        batchEnd = batchStart + batchSize;
        if (batchEnd >= size) {
          batchEnd = size;
        }
        output.push([batchStart, batchEnd]);
        batchStart = batchEnd;
      }
      return output;
    }
    function ensureTensorsRank2OrHigher(tensors) {
      var outs = [];
      if (tensors instanceof tfc.Tensor) {
        tensors = [tensors];
      }
      for (var i = 0; i < tensors.length; ++i) {
        var tensor = tensors[i];
        if (tensor.rank === 1) {
          outs.push(expandDims$1(tensor, 1));
        } else if (tensor.rank === 0) {
          throw new Error("Expected tensor to be at least 1D, but received a 0D tensor (scalar).");
        } else {
          outs.push(tensor);
        }
      }
      return outs;
    }
    function disposeNewTensors(tensors, refTensors) {
      if (tensors == null) {
        return;
      }
      var oldTensorIds = [];
      if (refTensors instanceof tfc.Tensor) {
        oldTensorIds.push(refTensors.id);
      } else if (Array.isArray(refTensors)) {
        refTensors.forEach(function(t) {
          return oldTensorIds.push(t.id);
        });
      } else if (refTensors != null) {
        for (var name in refTensors) {
          var oldTensor = refTensors[name];
          oldTensorIds.push(oldTensor.id);
        }
      }
      var tensorsToDispose = [];
      if (tensors instanceof tfc.Tensor) {
        if (oldTensorIds.indexOf(tensors.id) === -1) {
          tensorsToDispose.push(tensors);
        }
      } else if (Array.isArray(tensors)) {
        tensors.forEach(function(t) {
          if (oldTensorIds.indexOf(t.id) === -1) {
            tensorsToDispose.push(t);
          }
        });
      } else if (tensors != null) {
        for (var name in tensors) {
          var tensor = tensors[name];
          if (oldTensorIds.indexOf(tensor.id) === -1) {
            tensorsToDispose.push(tensor);
          }
        }
      }
      tensorsToDispose.forEach(function(t) {
        if (!t.isDisposed) {
          t.dispose();
        }
      });
    }
    function isDataTensor(x) {
      return x instanceof tfc.Tensor;
    }
    function isDataArray(x) {
      return Array.isArray(x);
    }
    function isDataDict(x) {
      return !isDataTensor(x) && !isDataArray(x);
    }
    function standardizeInputData(data, names, shapes, checkBatchAxis, exceptionPrefix) {
      var e_12, _a2;
      if (checkBatchAxis === void 0) {
        checkBatchAxis = true;
      }
      if (exceptionPrefix === void 0) {
        exceptionPrefix = "";
      }
      if (names == null || names.length === 0) {
        if (data != null) {
          var gotUnexpectedData = false;
          if (isDataArray(data) && data.length > 0) {
            gotUnexpectedData = true;
          } else if (isDataDict(data)) {
            for (var key in data) {
              if (data.hasOwnProperty(key)) {
                gotUnexpectedData = true;
                break;
              }
            }
          } else {
            gotUnexpectedData = true;
          }
          if (gotUnexpectedData) {
            throw new ValueError("Error when checking model ".concat(exceptionPrefix, " expected no data, ") + "but got ".concat(data));
          }
        }
        return [];
      }
      if (data == null) {
        return names.map(function(name2) {
          return null;
        });
      }
      var arrays;
      if (isDataDict(data)) {
        data = data;
        arrays = [];
        try {
          for (var names_1 = __values(names), names_1_1 = names_1.next(); !names_1_1.done; names_1_1 = names_1.next()) {
            var name = names_1_1.value;
            if (data[name] == null) {
              throw new ValueError('No data provided for "'.concat(name, '". Need data for each key in: ') + "".concat(names));
            }
            arrays.push(data[name]);
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (names_1_1 && !names_1_1.done && (_a2 = names_1.return)) _a2.call(names_1);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
      } else if (isDataArray(data)) {
        data = data;
        if (data.length !== names.length) {
          throw new ValueError("Error when checking model ".concat(exceptionPrefix, ": the Array of ") + "Tensors that you are passing to your model is not the size the " + "model expected. Expected to see ".concat(names.length, " Tensor(s), but ") + "instead got the following list of Tensor(s): ".concat(data));
        }
        arrays = data;
      } else {
        data = data;
        if (names.length > 1) {
          throw new ValueError("The model ".concat(exceptionPrefix, " expects ").concat(names.length, " Tensor(s), ") + "but only received one Tensor. Found: Tensor with shape ".concat(data.shape));
        }
        arrays = [data];
      }
      arrays = ensureTensorsRank2OrHigher(arrays);
      if (shapes != null) {
        for (var i = 0; i < names.length; ++i) {
          if (shapes[i] == null) {
            continue;
          }
          var array = arrays[i];
          if (array.shape.length !== shapes[i].length) {
            throw new ValueError("Error when checking ".concat(exceptionPrefix, ": expected ").concat(names[i], " ") + "to have ".concat(shapes[i].length, " dimension(s). but got array with ") + "shape ".concat(array.shape));
          }
          for (var j = 0; j < shapes[i].length; ++j) {
            if (j === 0 && !checkBatchAxis) {
              continue;
            }
            var dim = array.shape[j];
            var refDim = shapes[i][j];
            if (refDim != null && refDim >= 0 && dim !== refDim) {
              throw new ValueError("".concat(exceptionPrefix, " expected a batch of elements where each ") + "example has shape [".concat(shapes[i].slice(1, shapes[i].length), "] ") + "(i.e.,tensor shape [*,".concat(shapes[i].slice(1, shapes[i].length), "])") + " but the ".concat(exceptionPrefix, " received an input with ").concat(array.shape[0]) + " examples, each with shape [".concat(array.shape.slice(1, array.shape.length), "]") + " (tensor shape [".concat(array.shape, "])"));
            }
          }
        }
      }
      return arrays;
    }
    function checkArrayLengths(inputs, targets, weights) {
      var setX = unique(inputs.map(function(input2) {
        return input2.shape[0];
      }));
      setX.sort();
      var setY = unique(targets.map(function(target) {
        return target.shape[0];
      }));
      setY.sort();
      if (setX.length > 1) {
        throw new ValueError("All input Tensors (x) should have the same number of samples. Got array shapes: " + "".concat(JSON.stringify(inputs.map(function(input2) {
          return input2.shape;
        }))));
      }
      if (setY.length > 1) {
        throw new ValueError("All target Tensors (y) should have the same number of samples. Got array shapes: " + "".concat(JSON.stringify(targets.map(function(target) {
          return target.shape;
        }))));
      }
      if (setX.length > 0 && setY.length > 0 && !tfc.util.arraysEqual(setX, setY)) {
        throw new ValueError("Input Tensors should have the same number of samples as target " + "Tensors. Found ".concat(setX[0], " input sample(s) and ").concat(setY[0], " target ") + "sample(s).");
      }
    }
    function checkLossAndTargetCompatibility(targets, lossFns, outputShapes) {
      var keyLosses = [
        meanSquaredError$1,
        binaryCrossentropy$2,
        categoricalCrossentropy$2
      ];
      for (var i = 0; i < targets.length; ++i) {
        var y = targets[i];
        var loss = lossFns[i];
        var shape = outputShapes[i];
        if (loss == null) {
          continue;
        }
        if (loss === categoricalCrossentropy$2) {
          if (y.shape[y.shape.length - 1] === 1) {
            throw new ValueError("You are passing a target array of shape ".concat(y.shape, " while using ") + "a loss 'categorical_crossentropy'. 'categorical_crossentropy'expects targets to be binary matrices (1s and 0s) of shape [samples, classes].");
          }
        }
        if (keyLosses.indexOf(loss) !== -1) {
          var slicedYShape = y.shape.slice(1);
          var slicedShape = shape.slice(1);
          for (var j = 0; j < slicedYShape.length; ++j) {
            var targetDim = slicedYShape[j];
            var outDim = slicedShape[j];
            if (outDim != null && targetDim !== outDim) {
              throw new ValueError("A target Tensor with shape ".concat(y.shape, " was passed for an ") + "output of shape ".concat(shape, ", while using a loss function that ") + "expects targets to have the same shape as the output.");
            }
          }
        }
      }
    }
    function checkInputData(data, names, shapes, checkBatchAxis, exceptionPrefix) {
      if (checkBatchAxis === void 0) {
        checkBatchAxis = true;
      }
      if (exceptionPrefix === void 0) {
        exceptionPrefix = "";
      }
      var arrays;
      if (Array.isArray(data)) {
        if (data.length !== names.length) {
          throw new ValueError("Error when checking model ".concat(exceptionPrefix, ": the Array of ") + "Tensors that you are passing to your model is not the size the " + "the model expected. Expected to see ".concat(names.length, " Tensor(s),") + " but instead got ".concat(data.length, " Tensors(s)."));
        }
        arrays = data;
      } else {
        if (names.length > 1) {
          throw new ValueError("The model expects ".concat(names.length, " ").concat(exceptionPrefix, " Tensors, ") + "but only received one Tensor. Found: array with shape " + "".concat(JSON.stringify(data.shape), "."));
        }
        arrays = [data];
      }
      if (shapes != null) {
        for (var i = 0; i < names.length; ++i) {
          if (shapes[i] == null) {
            continue;
          }
          var array = arrays[i];
          if (array.shape.length !== shapes[i].length) {
            throw new ValueError("Error when checking ".concat(exceptionPrefix, ": expected ").concat(names[i], " ") + "to have ".concat(shapes[i].length, " dimension(s), but got array with ") + "shape ".concat(JSON.stringify(array.shape)));
          }
          for (var j = 0; j < shapes[i].length; ++j) {
            if (j === 0 && !checkBatchAxis) {
              continue;
            }
            var dim = array.shape[j];
            var refDim = shapes[i][j];
            if (refDim != null) {
              if (refDim !== dim) {
                throw new ValueError("Error when checking ".concat(exceptionPrefix, ": expected ") + "".concat(names[i], " to have shape ").concat(JSON.stringify(shapes[i]), " but ") + "got array with shape ".concat(JSON.stringify(array.shape), "."));
              }
            }
          }
        }
      }
    }
    function collectMetrics(metrics, outputNames) {
      var e_2, _a2;
      if (metrics == null || Array.isArray(metrics) && metrics.length === 0) {
        return outputNames.map(function(name2) {
          return [];
        });
      }
      var wrappedMetrics;
      if (typeof metrics === "string" || typeof metrics === "function") {
        wrappedMetrics = [metrics];
      } else if (Array.isArray(metrics) || typeof metrics === "object") {
        wrappedMetrics = metrics;
      } else {
        throw new TypeError("Type of metrics argument not understood. Expected an string," + "function, Array, or Object, found: ".concat(metrics));
      }
      if (Array.isArray(wrappedMetrics)) {
        return outputNames.map(function(name2) {
          return wrappedMetrics;
        });
      } else {
        var nestedMetrics = [];
        try {
          for (var outputNames_1 = __values(outputNames), outputNames_1_1 = outputNames_1.next(); !outputNames_1_1.done; outputNames_1_1 = outputNames_1.next()) {
            var name = outputNames_1_1.value;
            var outputMetrics = wrappedMetrics.hasOwnProperty(name) ? wrappedMetrics[name] : [];
            if (!Array.isArray(outputMetrics)) {
              outputMetrics = [outputMetrics];
            }
            nestedMetrics.push(outputMetrics);
          }
        } catch (e_2_1) {
          e_2 = { error: e_2_1 };
        } finally {
          try {
            if (outputNames_1_1 && !outputNames_1_1.done && (_a2 = outputNames_1.return)) _a2.call(outputNames_1);
          } finally {
            if (e_2) throw e_2.error;
          }
        }
        return nestedMetrics;
      }
    }
    var LAYERS_MODEL_FORMAT_NAME = "layers-model";
    var LayersModel = (
      /** @class */
      (function(_super) {
        __extends(LayersModel2, _super);
        function LayersModel2(args) {
          var _this = _super.call(this, args) || this;
          _this.isTraining = false;
          return _this;
        }
        LayersModel2.prototype.summary = function(lineLength, positions, printFn) {
          if (printFn === void 0) {
            printFn = console.log;
          }
          if (!this.built) {
            throw new ValueError("This model has never been called, thus its weights have not been created yet. So no summary can be displayed. Build the model first (e.g., by calling it on some test data).");
          }
          printSummary(this, lineLength, positions, printFn);
        };
        LayersModel2.prototype.compile = function(args) {
          var e_3, _a2;
          var _this = this;
          if (args.loss == null) {
            args.loss = [];
          }
          this.loss = args.loss;
          if (typeof args.optimizer === "string") {
            this.optimizer_ = getOptimizer(args.optimizer);
            this.isOptimizerOwned = true;
          } else {
            if (!(args.optimizer instanceof tfc.Optimizer)) {
              throw new ValueError("User-defined optimizer must be an instance of tf.Optimizer.");
            }
            this.optimizer_ = args.optimizer;
            this.isOptimizerOwned = false;
          }
          var lossFunctions = [];
          if (!Array.isArray(args.loss) && typeof args.loss !== "string" && typeof args.loss !== "function") {
            args.loss = args.loss;
            for (var name in args.loss) {
              if (this.outputNames.indexOf(name) === -1) {
                throw new ValueError('Unknown entry in loss dictionary: "'.concat(name, '". ') + "Only expected the following keys: ".concat(this.outputNames));
              }
            }
            try {
              for (var _b = __values(this.outputNames), _c = _b.next(); !_c.done; _c = _b.next()) {
                var name = _c.value;
                if (args.loss[name] == null) {
                  console.warn('Output "'.concat(name, '" is missing from loss dictionary. We assume ') + "this was done on purpose, and we will not be expecting data " + "to be passed to ".concat(name, " during training"));
                }
                lossFunctions.push(get$1(args.loss[name]));
              }
            } catch (e_3_1) {
              e_3 = { error: e_3_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_3) throw e_3.error;
              }
            }
          } else if (Array.isArray(args.loss)) {
            if (args.loss.length !== this.outputs.length) {
              throw new ValueError("When passing an Array as loss, it should have one entry per " + "model output. The model has ".concat(this.outputs.length, " output(s), ") + "but you passed loss=".concat(args.loss, "."));
            }
            var theLosses = args.loss;
            lossFunctions = theLosses.map(function(l) {
              return get$1(l);
            });
          } else {
            var lossFunction_1 = get$1(args.loss);
            this.outputs.forEach(function(_) {
              lossFunctions.push(lossFunction_1);
            });
          }
          this.lossFunctions = lossFunctions;
          this.feedOutputNames = [];
          this.feedOutputShapes = [];
          this.feedLossFns = [];
          for (var i = 0; i < this.outputs.length; ++i) {
            var shape = this.internalOutputShapes[i];
            var name = this.outputNames[i];
            this.feedOutputNames.push(name);
            this.feedOutputShapes.push(shape);
            this.feedLossFns.push(this.lossFunctions[i]);
          }
          var skipTargetIndices = [];
          this.metrics = args.metrics;
          this.metricsNames = ["loss"];
          this.metricsTensors = [];
          nameScope("loss", function() {
            for (var i2 = 0; i2 < _this.outputs.length; ++i2) {
              if (skipTargetIndices.indexOf(i2) !== -1) {
                continue;
              }
              var weightedLoss = _this.lossFunctions[i2];
              if (_this.outputs.length > 1) {
                _this.metricsTensors.push([weightedLoss, i2]);
                _this.metricsNames.push(_this.outputNames[i2] + "_loss");
              }
            }
          });
          var nestedMetrics = collectMetrics(args.metrics, this.outputNames);
          var appendMetric = function(outputIndex, metricName, metricTensor) {
            if (_this.outputNames.length > 1) {
              metricName = _this.outputNames[outputIndex] + "_" + metricName;
            }
            _this.metricsNames.push(metricName);
            _this.metricsTensors.push([metricTensor, outputIndex]);
          };
          nameScope("metric", function() {
            var _loop_1 = function(i3) {
              if (skipTargetIndices.indexOf(i3) !== -1) {
                return "continue";
              }
              var outputMetrics = nestedMetrics[i3];
              var handleMetrics = function(metrics) {
                var e_4, _a3;
                var metricNamePrefix = "";
                var metricName;
                var accFn;
                var weightedMetricFn;
                var _loop_2 = function(metric2) {
                  if (typeof metric2 === "string" && ["accuracy", "acc", "crossentropy", "ce"].indexOf(metric2) !== -1) {
                    var outputShape = _this.internalOutputShapes[i3];
                    if (outputShape[outputShape.length - 1] === 1 || _this.lossFunctions[i3] === binaryCrossentropy$2) {
                      if (["accuracy", "acc"].indexOf(metric2) !== -1) {
                        accFn = binaryAccuracy$1;
                      } else if (["crossentropy", "ce"].indexOf(metric2) !== -1) {
                        accFn = binaryCrossentropy$1;
                      }
                    } else if (_this.lossFunctions[i3] === sparseCategoricalCrossentropy$1) {
                      if (["accuracy", "acc"].indexOf(metric2) !== -1) {
                        accFn = sparseCategoricalAccuracy$1;
                      } else if (["crossentropy", "ce"].indexOf(metric2) !== -1) {
                        accFn = sparseCategoricalCrossentropy;
                      }
                    } else {
                      if (["accuracy", "acc"].indexOf(metric2) !== -1) {
                        accFn = categoricalAccuracy$1;
                      } else if (["crossentropy", "ce"].indexOf(metric2) !== -1) {
                        accFn = categoricalCrossentropy$1;
                      }
                    }
                    var suffix = void 0;
                    if (["accuracy", "acc"].indexOf(metric2) !== -1) {
                      suffix = "acc";
                    } else if (["crossentropy", "ce"].indexOf(metric2) !== -1) {
                      suffix = "ce";
                    }
                    weightedMetricFn = accFn;
                    metricName = metricNamePrefix + suffix;
                  } else {
                    var metricFn = get(metric2);
                    weightedMetricFn = metricFn;
                    metricName = metricNamePrefix + getLossOrMetricName(metric2);
                  }
                  var metricResult;
                  nameScope(metricName, function() {
                    metricResult = weightedMetricFn;
                  });
                  appendMetric(i3, metricName, metricResult);
                };
                try {
                  for (var metrics_1 = (e_4 = void 0, __values(metrics)), metrics_1_1 = metrics_1.next(); !metrics_1_1.done; metrics_1_1 = metrics_1.next()) {
                    var metric = metrics_1_1.value;
                    _loop_2(metric);
                  }
                } catch (e_4_1) {
                  e_4 = { error: e_4_1 };
                } finally {
                  try {
                    if (metrics_1_1 && !metrics_1_1.done && (_a3 = metrics_1.return)) _a3.call(metrics_1);
                  } finally {
                    if (e_4) throw e_4.error;
                  }
                }
              };
              handleMetrics(outputMetrics);
            };
            for (var i2 = 0; i2 < _this.outputs.length; ++i2) {
              _loop_1(i2);
            }
          });
          this.collectedTrainableWeights = this.trainableWeights;
        };
        LayersModel2.prototype.checkTrainableWeightsConsistency = function() {
          if (this.collectedTrainableWeights == null) {
            return;
          }
          if (this.trainableWeights.length !== this.collectedTrainableWeights.length) {
            console.warn("Discrepancy between trainableweights and collected trainable weights. Did you set `model.trainable` without calling `model.compile()` afterwards?");
          }
        };
        LayersModel2.prototype.evaluate = function(x, y, args) {
          if (args === void 0) {
            args = {};
          }
          var batchSize = args.batchSize == null ? 32 : args.batchSize;
          checkBatchSize(batchSize);
          var checkBatchAxis = true;
          var standardizedOuts = this.standardizeUserDataXY(x, y, checkBatchAxis, batchSize);
          try {
            var ins = standardizedOuts[0].concat(standardizedOuts[1]);
            this.makeTestFunction();
            var f = this.testFunction;
            var testOuts = this.testLoop(f, ins, batchSize, args.verbose, args.steps);
            return singletonOrArray(testOuts);
          } finally {
            disposeNewTensors(standardizedOuts[0], x);
            disposeNewTensors(standardizedOuts[1], y);
          }
        };
        LayersModel2.prototype.evaluateDataset = function(dataset, args) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              this.makeTestFunction();
              return [2, evaluateDataset(this, dataset, args)];
            });
          });
        };
        LayersModel2.prototype.checkNumSamples = function(ins, batchSize, steps, stepsName) {
          if (stepsName === void 0) {
            stepsName = "steps";
          }
          var numSamples;
          if (steps != null) {
            numSamples = null;
            if (batchSize != null) {
              throw new ValueError("If ".concat(stepsName, " is set, batchSize must be null or undefined.") + "Got batchSize = ".concat(batchSize));
            }
          } else if (ins != null) {
            if (Array.isArray(ins)) {
              numSamples = ins[0].shape[0];
            } else {
              numSamples = ins.shape[0];
            }
          } else {
            throw new ValueError("Either the input data should have a defined shape, or " + "".concat(stepsName, " shoud be specified."));
          }
          return numSamples;
        };
        LayersModel2.prototype.execute = function(inputs, outputs) {
          var e_5, _a2;
          if (Array.isArray(outputs) && outputs.length === 0) {
            throw new ValueError("`outputs` is an empty Array, which is not allowed.");
          }
          var outputsIsArray = Array.isArray(outputs);
          var outputNames = outputsIsArray ? outputs : [outputs];
          var outputSymbolicTensors = this.retrieveSymbolicTensors(outputNames);
          var feedDict = new FeedDict();
          if (inputs instanceof tfc.Tensor) {
            inputs = [inputs];
          }
          if (Array.isArray(inputs)) {
            if (inputs.length !== this.inputs.length) {
              throw new ValueError("The number of inputs provided (".concat(inputs.length, ") ") + "does not match the number of inputs of this model " + "(".concat(this.inputs.length, ")."));
            }
            for (var i = 0; i < this.inputs.length; ++i) {
              feedDict.add(this.inputs[i], inputs[i]);
            }
          } else {
            try {
              for (var _b = __values(this.inputs), _c = _b.next(); !_c.done; _c = _b.next()) {
                var input2 = _c.value;
                var tensorValue = inputs[input2.name];
                if (tensorValue == null) {
                  throw new ValueError("No value is provided for the model's input ".concat(input2.name));
                }
                feedDict.add(input2, tensorValue);
              }
            } catch (e_5_1) {
              e_5 = { error: e_5_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_5) throw e_5.error;
              }
            }
          }
          var executeOutputs = execute(outputSymbolicTensors, feedDict);
          return outputsIsArray ? executeOutputs : executeOutputs[0];
        };
        LayersModel2.prototype.retrieveSymbolicTensors = function(symbolicTensorNames) {
          var e_6, _a2;
          var outputSymbolicTensors = pyListRepeat(null, symbolicTensorNames.length);
          var outputsRemaining = symbolicTensorNames.length;
          try {
            for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              var layerOutputs = Array.isArray(layer.output) ? layer.output : [layer.output];
              var layerOutputNames = layerOutputs.map(function(output) {
                return output.name;
              });
              for (var i = 0; i < symbolicTensorNames.length; ++i) {
                var index = layerOutputNames.indexOf(symbolicTensorNames[i]);
                if (index !== -1) {
                  outputSymbolicTensors[i] = layerOutputs[index];
                  outputsRemaining--;
                }
                if (outputsRemaining === 0) {
                  break;
                }
              }
              if (outputsRemaining === 0) {
                break;
              }
            }
          } catch (e_6_1) {
            e_6 = { error: e_6_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_6) throw e_6.error;
            }
          }
          if (outputsRemaining > 0) {
            var remainingNames_1 = [];
            outputSymbolicTensors.forEach(function(tensor, i2) {
              if (tensor == null) {
                remainingNames_1.push(symbolicTensorNames[i2]);
              }
            });
            throw new ValueError("Cannot find SymbolicTensors for output name(s): " + "".concat(JSON.stringify(remainingNames_1)));
          }
          return outputSymbolicTensors;
        };
        LayersModel2.prototype.predictLoop = function(ins, batchSize, verbose) {
          var _this = this;
          if (batchSize === void 0) {
            batchSize = 32;
          }
          if (verbose === void 0) {
            verbose = false;
          }
          return tfc__namespace.tidy(function() {
            var numSamples = _this.checkNumSamples(ins);
            if (verbose) {
              throw new NotImplementedError("Verbose predictLoop() is not implemented yet.");
            }
            var batches = makeBatches(numSamples, batchSize);
            var outsBatches = _this.outputs.map(function(output) {
              return [];
            });
            var _loop_3 = function(batchIndex2) {
              var batchOuts = tfc__namespace.tidy(function() {
                var batchStart = batches[batchIndex2][0];
                var batchEnd = batches[batchIndex2][1];
                var insBatch = sliceArrays(ins, batchStart, batchEnd);
                var feeds = [];
                if (Array.isArray(insBatch)) {
                  for (var i = 0; i < insBatch.length; ++i) {
                    feeds.push({ key: _this.inputs[i], value: insBatch[i] });
                  }
                } else {
                  feeds.push({ key: _this.inputs[0], value: insBatch });
                }
                var feedDict = new FeedDict(feeds);
                return execute(_this.outputs, feedDict);
              });
              batchOuts.forEach(function(batchOut, i) {
                return outsBatches[i].push(batchOut);
              });
            };
            for (var batchIndex = 0; batchIndex < batches.length; ++batchIndex) {
              _loop_3(batchIndex);
            }
            return singletonOrArray(outsBatches.map(function(batches2) {
              return tfc__namespace.concat(batches2, 0);
            }));
          });
        };
        LayersModel2.prototype.predict = function(x, args) {
          if (args === void 0) {
            args = {};
          }
          var xsRank2OrHigher = ensureTensorsRank2OrHigher(x);
          checkInputData(xsRank2OrHigher, this.inputNames, this.feedInputShapes, false);
          try {
            var batchSize = args.batchSize == null ? 32 : args.batchSize;
            checkBatchSize(batchSize);
            return this.predictLoop(xsRank2OrHigher, batchSize);
          } finally {
            disposeNewTensors(xsRank2OrHigher, x);
          }
        };
        LayersModel2.prototype.predictOnBatch = function(x) {
          checkInputData(x, this.inputNames, this.feedInputShapes, true);
          var batchSize = (Array.isArray(x) ? x[0] : x).shape[0];
          return this.predictLoop(x, batchSize);
        };
        LayersModel2.prototype.standardizeUserDataXY = function(x, y, checkBatchAxis, batchSize) {
          if (this.optimizer_ == null) {
            throw new RuntimeError("You must compile a model before training/testing. Use LayersModel.compile(modelCompileArgs).");
          }
          var outputShapes = [];
          for (var i = 0; i < this.feedOutputShapes.length; ++i) {
            var outputShape = this.feedOutputShapes[i];
            var lossFn = this.feedLossFns[i];
            if (lossFn === sparseCategoricalCrossentropy$1) {
              outputShapes.push(outputShape.slice(0, outputShape.length - 1).concat([1]));
            } else {
              outputShapes.push(outputShape);
            }
          }
          x = standardizeInputData(x, this.feedInputNames, this.feedInputShapes, false, "input");
          y = standardizeInputData(y, this.feedOutputNames, outputShapes, false, "target");
          checkArrayLengths(x, y);
          checkLossAndTargetCompatibility(y, this.feedLossFns, this.feedOutputShapes);
          if (this.stateful && batchSize != null && batchSize > 0) {
            if (x[0].shape[0] % batchSize !== 0) {
              throw new ValueError("In a stateful network, you should only pass inputs with a number of samples that is divisible by the batch size " + "".concat(batchSize, ". Found: ").concat(x[0].shape[0], " sample(s)."));
            }
          }
          return [x, y];
        };
        LayersModel2.prototype.standardizeUserData = function(x, y, sampleWeight, classWeight, checkBatchAxis, batchSize) {
          if (checkBatchAxis === void 0) {
            checkBatchAxis = true;
          }
          return __awaiter(this, void 0, void 0, function() {
            var _a2, standardXs, standardYs, standardSampleWeights, classWeights, i, _b, _c;
            return __generator(this, function(_d) {
              switch (_d.label) {
                case 0:
                  _a2 = __read(this.standardizeUserDataXY(x, y, checkBatchAxis, batchSize), 2), standardXs = _a2[0], standardYs = _a2[1];
                  if (sampleWeight != null) {
                    throw new Error("sample weight is not supported yet.");
                  }
                  standardSampleWeights = null;
                  if (!(classWeight != null)) return [3, 4];
                  classWeights = standardizeClassWeights(classWeight, this.outputNames);
                  standardSampleWeights = [];
                  i = 0;
                  _d.label = 1;
                case 1:
                  if (!(i < classWeights.length)) return [3, 4];
                  _c = (_b = standardSampleWeights).push;
                  return [4, standardizeWeights(standardYs[i], null, classWeights[i])];
                case 2:
                  _c.apply(_b, [_d.sent()]);
                  _d.label = 3;
                case 3:
                  ++i;
                  return [3, 1];
                case 4:
                  return [2, [standardXs, standardYs, standardSampleWeights]];
              }
            });
          });
        };
        LayersModel2.prototype.testLoop = function(f, ins, batchSize, verbose, steps) {
          var _this = this;
          if (verbose === void 0) {
            verbose = 0;
          }
          return tfc__namespace.tidy(function() {
            var numSamples = _this.checkNumSamples(ins, batchSize, steps, "steps");
            var outs = [];
            if (verbose > 0) {
              throw new NotImplementedError("Verbose mode is not implemented yet.");
            }
            if (steps != null) {
              throw new NotImplementedError("steps mode in testLoop() is not implemented yet");
            } else {
              var batches = makeBatches(numSamples, batchSize);
              var indexArray = tfc.tensor1d(range(0, numSamples));
              for (var batchIndex = 0; batchIndex < batches.length; ++batchIndex) {
                var batchStart = batches[batchIndex][0];
                var batchEnd = batches[batchIndex][1];
                var batchIds = sliceAlongFirstAxis(indexArray, batchStart, batchEnd - batchStart);
                var insBatch = sliceArraysByIndices(ins, batchIds);
                var batchOuts = f(insBatch);
                if (batchIndex === 0) {
                  for (var i = 0; i < batchOuts.length; ++i) {
                    outs.push(tfc.scalar(0));
                  }
                }
                for (var i = 0; i < batchOuts.length; ++i) {
                  var batchOut = batchOuts[i];
                  outs[i] = tfc__namespace.add(outs[i], tfc__namespace.mul(batchEnd - batchStart, batchOut));
                }
              }
              for (var i = 0; i < outs.length; ++i) {
                outs[i] = tfc__namespace.div(outs[i], numSamples);
              }
            }
            return outs;
          });
        };
        LayersModel2.prototype.getDedupedMetricsNames = function() {
          var outLabels = this.metricsNames;
          var dedupedOutLabels = [];
          for (var i = 0; i < outLabels.length; ++i) {
            var label = outLabels[i];
            var newLabel = label;
            if (count(outLabels, label) > 1) {
              var dupIndex = count(outLabels.slice(0, i), label);
              newLabel += "_".concat(dupIndex);
            }
            dedupedOutLabels.push(newLabel);
          }
          return dedupedOutLabels;
        };
        LayersModel2.prototype.makeTrainFunction = function() {
          var _this = this;
          return function(data) {
            var lossValues = [];
            var inputs = data.slice(0, _this.inputs.length);
            var targets = data.slice(_this.inputs.length, _this.inputs.length + _this.outputs.length);
            var sampleWeights = data.slice(_this.inputs.length + _this.outputs.length, _this.inputs.length + _this.outputs.length * 2);
            var metricsValues = [];
            var totalLossFunction = function() {
              var feeds = [];
              for (var i = 0; i < _this.inputs.length; ++i) {
                feeds.push({ key: _this.inputs[i], value: inputs[i] });
              }
              var feedDict = new FeedDict(feeds);
              var outputs = execute(_this.outputs, feedDict, { "training": true });
              var totalLoss;
              for (var i = 0; i < _this.lossFunctions.length; ++i) {
                var lossFunction = _this.lossFunctions[i];
                var loss = lossFunction(targets[i], outputs[i]);
                if (sampleWeights[i] != null) {
                  loss = computeWeightedLoss(loss, sampleWeights[i]);
                }
                var meanLoss = tfc__namespace.mean(loss);
                lossValues.push(meanLoss);
                if (i === 0) {
                  totalLoss = loss;
                } else {
                  totalLoss = tfc__namespace.add(totalLoss, loss);
                }
              }
              for (var i = 0; i < _this.metricsTensors.length; ++i) {
                var weightedMetric = void 0;
                if (_this.outputs.length > 1 && i < _this.outputs.length) {
                  weightedMetric = lossValues[i];
                } else {
                  var metric = _this.metricsTensors[i][0];
                  var outputIndex = _this.metricsTensors[i][1];
                  weightedMetric = tfc__namespace.mean(metric(targets[outputIndex], outputs[outputIndex]));
                }
                tfc__namespace.keep(weightedMetric);
                metricsValues.push(weightedMetric);
              }
              totalLoss = tfc__namespace.mean(totalLoss);
              _this.calculateLosses().forEach(function(regularizerLoss) {
                totalLoss = tfc__namespace.add(totalLoss, regularizerLoss);
              });
              return totalLoss;
            };
            var variables = _this.collectedTrainableWeights.map(function(param) {
              return param.read();
            });
            var returnCost = true;
            var totalLossValue = _this.optimizer_.minimize(totalLossFunction, returnCost, variables);
            return [totalLossValue].concat(metricsValues);
          };
        };
        LayersModel2.prototype.makeTestFunction = function() {
          var _this = this;
          this.testFunction = function(data) {
            return tfc__namespace.tidy(function() {
              var valOutputs = [];
              var totalLoss;
              var inputs = data.slice(0, _this.inputs.length);
              var targets = data.slice(_this.inputs.length, _this.inputs.length + _this.outputs.length);
              var feeds = [];
              for (var i = 0; i < _this.inputs.length; ++i) {
                feeds.push({ key: _this.inputs[i], value: inputs[i] });
              }
              var feedDict = new FeedDict(feeds);
              var outputs = execute(_this.outputs, feedDict);
              for (var i = 0; i < _this.lossFunctions.length; ++i) {
                var lossFunction = _this.lossFunctions[i];
                var loss = tfc__namespace.mean(lossFunction(targets[i], outputs[i]));
                if (i === 0) {
                  totalLoss = loss;
                } else {
                  totalLoss = tfc__namespace.add(totalLoss, loss);
                }
                valOutputs.push(totalLoss);
              }
              for (var i = 0; i < _this.metricsTensors.length; ++i) {
                var metric = _this.metricsTensors[i][0];
                var outputIndex = _this.metricsTensors[i][1];
                var meanMetric = tfc__namespace.mean(metric(targets[outputIndex], outputs[outputIndex]));
                valOutputs.push(meanMetric);
              }
              return valOutputs;
            });
          };
        };
        LayersModel2.prototype.fit = function(x, y, args) {
          if (args === void 0) {
            args = {};
          }
          return __awaiter(this, void 0, void 0, function() {
            var inputs, targets, originalInputs, originalTargets, inputValX, inputValY, valX, valY, sampleWeights, batchSize, checkBatchAxis, standardizedOuts, doValidation, valIns, checkBatchAxis_1, valStandardized, splitAt, originalBatchSize, ins, trainFunction, outLabels, valFunction, callbackMetrics, callbacks2, out;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  if (this.isTraining) {
                    throw new Error("Cannot start training because another fit() call is ongoing.");
                  }
                  this.isTraining = true;
                  _a2.label = 1;
                case 1:
                  _a2.trys.push([1, , 7, 8]);
                  batchSize = args.batchSize == null ? 32 : args.batchSize;
                  checkBatchSize(batchSize);
                  checkBatchAxis = false;
                  return [4, this.standardizeUserData(x, y, args.sampleWeight, args.classWeight, checkBatchAxis, batchSize)];
                case 2:
                  standardizedOuts = _a2.sent();
                  inputs = standardizedOuts[0];
                  targets = standardizedOuts[1];
                  sampleWeights = standardizedOuts[2];
                  doValidation = false;
                  valIns = void 0;
                  if (!(args.validationData != null && args.validationData.length > 0)) return [3, 4];
                  doValidation = true;
                  if (args.validationData.length === 2) {
                    inputValX = args.validationData[0];
                    inputValY = args.validationData[1];
                  } else if (args.validationData.length === 3) {
                    throw new NotImplementedError("validationData including sample weights is not supported yet.");
                  } else {
                    throw new ValueError("When passing validation data, it must contain 2 (valX, valY) or 3 (valX, valY, valSampleWeight) items; " + "".concat(args.validationData, " is invalid."));
                  }
                  checkBatchAxis_1 = true;
                  return [4, this.standardizeUserData(
                    inputValX,
                    inputValY,
                    null,
                    /** Unused sample weights. */
                    null,
                    /** Unused class weights. */
                    checkBatchAxis_1,
                    batchSize
                  )];
                case 3:
                  valStandardized = _a2.sent();
                  valX = valStandardized[0];
                  valY = valStandardized[1];
                  valIns = valX.concat(valY);
                  return [3, 5];
                case 4:
                  if (args.validationSplit != null && args.validationSplit > 0 && args.validationSplit < 1) {
                    doValidation = true;
                    splitAt = Math.floor(inputs[0].shape[0] * (1 - args.validationSplit));
                    originalBatchSize = inputs[0].shape[0];
                    valX = sliceArrays(inputs, splitAt, originalBatchSize);
                    originalInputs = inputs;
                    inputs = sliceArrays(inputs, 0, splitAt);
                    valY = sliceArrays(targets, splitAt, originalBatchSize);
                    originalTargets = targets;
                    targets = sliceArrays(targets, 0, splitAt);
                    valIns = valX.concat(valY);
                  } else if (args.validationSteps != null) {
                    doValidation = true;
                  }
                  _a2.label = 5;
                case 5:
                  ins = inputs.concat(targets).concat(sampleWeights);
                  this.checkTrainableWeightsConsistency();
                  trainFunction = this.makeTrainFunction();
                  outLabels = this.getDedupedMetricsNames();
                  valFunction = void 0;
                  callbackMetrics = void 0;
                  if (doValidation) {
                    this.makeTestFunction();
                    valFunction = this.testFunction;
                    callbackMetrics = outLabels.slice().concat(outLabels.map(function(n) {
                      return "val_" + n;
                    }));
                  } else {
                    valFunction = null;
                    valIns = [];
                    callbackMetrics = outLabels.slice();
                  }
                  callbacks2 = standardizeCallbacks(args.callbacks, args.yieldEvery);
                  return [4, this.fitLoop(trainFunction, ins, outLabels, batchSize, args.epochs, args.verbose, callbacks2, valFunction, valIns, args.shuffle, callbackMetrics, args.initialEpoch, null, null)];
                case 6:
                  out = _a2.sent();
                  return [2, out];
                case 7:
                  this.isTraining = false;
                  disposeNewTensors(inputs, x);
                  disposeNewTensors(targets, y);
                  disposeNewTensors(originalInputs, x);
                  disposeNewTensors(originalTargets, y);
                  disposeNewTensors(valX, inputValX);
                  disposeNewTensors(valY, inputValY);
                  if (sampleWeights != null) {
                    tfc__namespace.dispose(sampleWeights);
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 8:
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        LayersModel2.prototype.fitLoop = function(f, ins, outLabels, batchSize, epochs, verbose, callbacks2, valF, valIns, shuffle, callbackMetrics, initialEpoch, stepsPerEpoch, validationSteps) {
          return __awaiter(this, void 0, void 0, function() {
            var doValidation, numTrainSamples, indexArray, _a2, callbackList, history, _loop_4, this_1, epoch, state_1;
            var _this = this;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  if (batchSize == null) {
                    batchSize = 32;
                  }
                  if (epochs == null) {
                    epochs = 1;
                  }
                  if (shuffle == null) {
                    shuffle = true;
                  }
                  if (initialEpoch == null) {
                    initialEpoch = 0;
                  }
                  doValidation = false;
                  if (valF != null && valIns != null) {
                    doValidation = true;
                  }
                  if (validationSteps != null) {
                    doValidation = true;
                    if (stepsPerEpoch == null) {
                      throw new ValueError("Can only use `validationSteps` when doing step-wise training, i.e., `stepsPerEpoch` must be set.");
                    }
                  }
                  numTrainSamples = this.checkNumSamples(ins, batchSize, stepsPerEpoch, "steps_per_epoch");
                  if (numTrainSamples != null) {
                    indexArray = range(0, numTrainSamples);
                  }
                  if (verbose == null) {
                    verbose = 1;
                  }
                  _a2 = configureCallbacks(callbacks2, verbose, epochs, initialEpoch, numTrainSamples, stepsPerEpoch, batchSize, doValidation, callbackMetrics), callbackList = _a2.callbackList, history = _a2.history;
                  callbackList.setModel(this);
                  this.history = history;
                  return [4, callbackList.onTrainBegin()];
                case 1:
                  _b.sent();
                  this.stopTraining_ = false;
                  _loop_4 = function(epoch2) {
                    var epochLogs, epochIndexArray1D_1, batches_1, _loop_5, batchIndex, state_2;
                    return __generator(this, function(_c) {
                      switch (_c.label) {
                        case 0:
                          return [4, callbackList.onEpochBegin(epoch2)];
                        case 1:
                          _c.sent();
                          epochLogs = {};
                          if (!(stepsPerEpoch != null)) return [3, 2];
                          throw new NotImplementedError("stepsPerEpoch mode is not implemented yet.");
                        case 2:
                          if (shuffle === "batch") {
                            throw new NotImplementedError("batch shuffling is not implemneted yet");
                          } else if (shuffle) {
                            tfc.util.shuffle(indexArray);
                          }
                          epochIndexArray1D_1 = tfc.tensor1d(indexArray);
                          batches_1 = makeBatches(numTrainSamples, batchSize);
                          _loop_5 = function(batchIndex2) {
                            var batchLogs;
                            return __generator(this, function(_d) {
                              switch (_d.label) {
                                case 0:
                                  batchLogs = {};
                                  return [4, callbackList.onBatchBegin(batchIndex2, batchLogs)];
                                case 1:
                                  _d.sent();
                                  tfc__namespace.tidy(function() {
                                    var batchStart = batches_1[batchIndex2][0];
                                    var batchEnd = batches_1[batchIndex2][1];
                                    var batchIds = sliceAlongFirstAxis(epochIndexArray1D_1, batchStart, batchEnd - batchStart);
                                    batchLogs["batch"] = batchIndex2;
                                    batchLogs["size"] = batchEnd - batchStart;
                                    var insBatch = sliceArraysByIndices(ins, batchIds);
                                    var outs = f(insBatch);
                                    for (var i = 0; i < outLabels.length; ++i) {
                                      var label = outLabels[i];
                                      var out = outs[i];
                                      batchLogs[label] = out;
                                      tfc__namespace.keep(out);
                                    }
                                    if (batchIndex2 === batches_1.length - 1) {
                                      if (doValidation) {
                                        var valOuts = _this.testLoop(valF, valIns, batchSize);
                                        for (var i = 0; i < outLabels.length; ++i) {
                                          var label = outLabels[i];
                                          var out = valOuts[i];
                                          tfc__namespace.keep(out);
                                          epochLogs["val_" + label] = out;
                                        }
                                      }
                                    }
                                  });
                                  return [4, callbackList.onBatchEnd(batchIndex2, batchLogs)];
                                case 2:
                                  _d.sent();
                                  disposeTensorsInLogs(batchLogs);
                                  if (this_1.stopTraining_) {
                                    return [2, "break"];
                                  }
                                  return [
                                    2
                                    /*return*/
                                  ];
                              }
                            });
                          };
                          batchIndex = 0;
                          _c.label = 3;
                        case 3:
                          if (!(batchIndex < batches_1.length)) return [3, 6];
                          return [5, _loop_5(batchIndex)];
                        case 4:
                          state_2 = _c.sent();
                          if (state_2 === "break")
                            return [3, 6];
                          _c.label = 5;
                        case 5:
                          ++batchIndex;
                          return [3, 3];
                        case 6:
                          epochIndexArray1D_1.dispose();
                          _c.label = 7;
                        case 7:
                          return [4, callbackList.onEpochEnd(epoch2, epochLogs)];
                        case 8:
                          _c.sent();
                          if (this_1.stopTraining_) {
                            return [2, "break"];
                          }
                          return [
                            2
                            /*return*/
                          ];
                      }
                    });
                  };
                  this_1 = this;
                  epoch = initialEpoch;
                  _b.label = 2;
                case 2:
                  if (!(epoch < epochs)) return [3, 5];
                  return [5, _loop_4(epoch)];
                case 3:
                  state_1 = _b.sent();
                  if (state_1 === "break")
                    return [3, 5];
                  _b.label = 4;
                case 4:
                  ++epoch;
                  return [3, 2];
                case 5:
                  return [4, callbackList.onTrainEnd()];
                case 6:
                  _b.sent();
                  return [4, this.history.syncData()];
                case 7:
                  _b.sent();
                  return [2, this.history];
              }
            });
          });
        };
        LayersModel2.prototype.fitDataset = function(dataset, args) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [2, fitDataset(this, dataset, args)];
            });
          });
        };
        LayersModel2.prototype.trainOnBatch = function(x, y) {
          return __awaiter(this, void 0, void 0, function() {
            var standardizeOut, inputs, targets, trainFunction, losses, lossValues, losses_1, losses_1_1, loss, v, e_7_1;
            var e_7, _a2;
            return __generator(this, function(_b) {
              switch (_b.label) {
                case 0:
                  return [4, this.standardizeUserData(x, y)];
                case 1:
                  standardizeOut = _b.sent();
                  inputs = standardizeOut[0];
                  targets = standardizeOut[1];
                  trainFunction = this.makeTrainFunction();
                  losses = trainFunction(inputs.concat(targets));
                  lossValues = [];
                  _b.label = 2;
                case 2:
                  _b.trys.push([2, 7, 8, 9]);
                  losses_1 = __values(losses), losses_1_1 = losses_1.next();
                  _b.label = 3;
                case 3:
                  if (!!losses_1_1.done) return [3, 6];
                  loss = losses_1_1.value;
                  return [4, loss.data()];
                case 4:
                  v = _b.sent();
                  lossValues.push(v[0]);
                  _b.label = 5;
                case 5:
                  losses_1_1 = losses_1.next();
                  return [3, 3];
                case 6:
                  return [3, 9];
                case 7:
                  e_7_1 = _b.sent();
                  e_7 = { error: e_7_1 };
                  return [3, 9];
                case 8:
                  try {
                    if (losses_1_1 && !losses_1_1.done && (_a2 = losses_1.return)) _a2.call(losses_1);
                  } finally {
                    if (e_7) throw e_7.error;
                  }
                  return [
                    7
                    /*endfinally*/
                  ];
                case 9:
                  tfc__namespace.dispose(losses);
                  disposeNewTensors(standardizeOut[0], x);
                  disposeNewTensors(standardizeOut[1], y);
                  return [2, singletonOrArray(lossValues)];
              }
            });
          });
        };
        LayersModel2.prototype.getNamedWeights = function(config) {
          var namedWeights = [];
          var trainableOnly = config != null && config.trainableOnly;
          var weights = trainableOnly ? this.trainableWeights : this.weights;
          var weightValues = this.getWeights(trainableOnly);
          for (var i = 0; i < weights.length; ++i) {
            if (trainableOnly && !weights[i].trainable) {
              continue;
            }
            namedWeights.push({ name: weights[i].originalName, tensor: weightValues[i] });
          }
          return namedWeights;
        };
        Object.defineProperty(LayersModel2.prototype, "stopTraining", {
          get: function() {
            return this.stopTraining_;
          },
          /**
           * Setter used for force stopping of LayersModel.fit() (i.e., training).
           *
           * Example:
           *
           * ```js
           * const input = tf.input({shape: [10]});
           * const output = tf.layers.dense({units: 1}).apply(input);
           * const model = tf.model({inputs: [input], outputs: [output]});
           * model.compile({loss: 'meanSquaredError', optimizer: 'sgd'});
           * const xs = tf.ones([8, 10]);
           * const ys = tf.zeros([8, 1]);
           *
           * const history = await model.fit(xs, ys, {
           *   epochs: 10,
           *   callbacks: {
           *     onEpochEnd: async (epoch, logs) => {
           *       if (epoch === 2) {
           *         model.stopTraining = true;
           *       }
           *     }
           *   }
           * });
           *
           * // There should be only 3 values in the loss array, instead of 10
           * values,
           * // due to the stopping after 3 epochs.
           * console.log(history.history.loss);
           * ```
           */
          set: function(stop) {
            this.stopTraining_ = stop;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(LayersModel2.prototype, "optimizer", {
          get: function() {
            return this.optimizer_;
          },
          set: function(optimizer) {
            if (this.optimizer_ !== optimizer) {
              this.optimizer_ = optimizer;
              this.isOptimizerOwned = false;
            }
          },
          enumerable: false,
          configurable: true
        });
        LayersModel2.prototype.dispose = function() {
          var result = _super.prototype.dispose.call(this);
          if (result.refCountAfterDispose === 0 && this.optimizer != null && this.isOptimizerOwned) {
            var numTensorsBeforeOptmizerDisposal = tfc__namespace.memory().numTensors;
            this.optimizer_.dispose();
            result.numDisposedVariables += numTensorsBeforeOptmizerDisposal - tfc__namespace.memory().numTensors;
          }
          return result;
        };
        LayersModel2.prototype.getLossIdentifiers = function() {
          var e_8, _a2, e_9, _b;
          var lossNames;
          if (typeof this.loss === "string") {
            lossNames = toSnakeCase(this.loss);
          } else if (Array.isArray(this.loss)) {
            try {
              for (var _c = __values(this.loss), _d = _c.next(); !_d.done; _d = _c.next()) {
                var loss = _d.value;
                if (typeof loss !== "string") {
                  throw new Error("Serialization of non-string loss is not supported.");
                }
              }
            } catch (e_8_1) {
              e_8 = { error: e_8_1 };
            } finally {
              try {
                if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
              } finally {
                if (e_8) throw e_8.error;
              }
            }
            lossNames = this.loss.map(function(name) {
              return toSnakeCase(name);
            });
          } else {
            var outputNames = Object.keys(this.loss);
            lossNames = {};
            var losses_2 = this.loss;
            try {
              for (var outputNames_2 = __values(outputNames), outputNames_2_1 = outputNames_2.next(); !outputNames_2_1.done; outputNames_2_1 = outputNames_2.next()) {
                var outputName = outputNames_2_1.value;
                if (typeof losses_2[outputName] === "string") {
                  lossNames[outputName] = toSnakeCase(losses_2[outputName]);
                } else {
                  throw new Error("Serialization of non-string loss is not supported.");
                }
              }
            } catch (e_9_1) {
              e_9 = { error: e_9_1 };
            } finally {
              try {
                if (outputNames_2_1 && !outputNames_2_1.done && (_b = outputNames_2.return)) _b.call(outputNames_2);
              } finally {
                if (e_9) throw e_9.error;
              }
            }
          }
          return lossNames;
        };
        LayersModel2.prototype.getMetricIdentifiers = function() {
          if (typeof this.metrics === "string" || typeof this.metrics === "function") {
            return [toSnakeCase(getLossOrMetricName(this.metrics))];
          } else if (Array.isArray(this.metrics)) {
            return this.metrics.map(function(metric) {
              return toSnakeCase(getLossOrMetricName(metric));
            });
          } else {
            var metricsIdentifiers = {};
            for (var key in this.metrics) {
              metricsIdentifiers[key] = toSnakeCase(getLossOrMetricName(this.metrics[key]));
            }
            return metricsIdentifiers;
          }
        };
        LayersModel2.prototype.getTrainingConfig = function() {
          return {
            loss: this.getLossIdentifiers(),
            metrics: this.getMetricIdentifiers(),
            optimizer_config: {
              class_name: this.optimizer.getClassName(),
              config: this.optimizer.getConfig()
            }
          };
        };
        LayersModel2.prototype.loadTrainingConfig = function(trainingConfig) {
          if (trainingConfig.weighted_metrics != null) {
            throw new Error("Loading weight_metrics is not supported yet.");
          }
          if (trainingConfig.loss_weights != null) {
            throw new Error("Loading loss_weights is not supported yet.");
          }
          if (trainingConfig.sample_weight_mode != null) {
            throw new Error("Loading sample_weight_mode is not supported yet.");
          }
          var tsConfig = convertPythonicToTs(trainingConfig.optimizer_config);
          var optimizer = deserialize(tsConfig);
          var loss;
          if (typeof trainingConfig.loss === "string") {
            loss = toCamelCase(trainingConfig.loss);
          } else if (Array.isArray(trainingConfig.loss)) {
            loss = trainingConfig.loss.map(function(lossEntry) {
              return toCamelCase(lossEntry);
            });
          } else if (trainingConfig.loss != null) {
            loss = {};
            for (var key in trainingConfig.loss) {
              loss[key] = toCamelCase(trainingConfig.loss[key]);
            }
          }
          var metrics;
          if (Array.isArray(trainingConfig.metrics)) {
            metrics = trainingConfig.metrics.map(function(metric) {
              return toCamelCase(metric);
            });
          } else if (trainingConfig.metrics != null) {
            metrics = {};
            for (var key in trainingConfig.metrics) {
              metrics[key] = toCamelCase(trainingConfig.metrics[key]);
            }
          }
          this.compile({ loss, metrics, optimizer });
        };
        LayersModel2.prototype.save = function(handlerOrURL, config) {
          return __awaiter(this, void 0, void 0, function() {
            var handlers, weightDataAndSpecs, returnString, unusedArg, modelConfig, modelArtifacts, includeOptimizer, weightType, _a2, optimizerWeightData, optimizerWeightSpecs, _b, _c, checkSize;
            var _d;
            return __generator(this, function(_e) {
              switch (_e.label) {
                case 0:
                  if (typeof handlerOrURL === "string") {
                    handlers = tfc.io.getSaveHandlers(handlerOrURL);
                    if (handlers.length === 0) {
                      throw new ValueError("Cannot find any save handlers for URL '".concat(handlerOrURL, "'"));
                    } else if (handlers.length > 1) {
                      throw new ValueError("Found more than one (".concat(handlers.length, ") save handlers for ") + "URL '".concat(handlerOrURL, "'"));
                    }
                    handlerOrURL = handlers[0];
                  }
                  if (handlerOrURL.save == null) {
                    throw new ValueError("LayersModel.save() cannot proceed because the IOHandler provided does not have the `save` attribute defined.");
                  }
                  return [4, tfc.io.encodeWeights(this.getNamedWeights(config))];
                case 1:
                  weightDataAndSpecs = _e.sent();
                  returnString = false;
                  unusedArg = null;
                  modelConfig = this.toJSON(unusedArg, returnString);
                  modelArtifacts = {
                    modelTopology: modelConfig,
                    format: LAYERS_MODEL_FORMAT_NAME,
                    generatedBy: "TensorFlow.js tfjs-layers v".concat(version),
                    convertedBy: null
                  };
                  includeOptimizer = config == null ? false : config.includeOptimizer;
                  if (!(includeOptimizer && this.optimizer != null)) return [3, 4];
                  modelArtifacts.trainingConfig = this.getTrainingConfig();
                  weightType = "optimizer";
                  _c = (_b = tfc.io).encodeWeights;
                  return [4, this.optimizer.getWeights()];
                case 2:
                  return [4, _c.apply(_b, [_e.sent(), weightType])];
                case 3:
                  _a2 = _e.sent(), optimizerWeightData = _a2.data, optimizerWeightSpecs = _a2.specs;
                  (_d = weightDataAndSpecs.specs).push.apply(_d, __spreadArray([], __read(optimizerWeightSpecs), false));
                  weightDataAndSpecs.data = tfc.io.concatenateArrayBuffers([weightDataAndSpecs.data, optimizerWeightData]);
                  _e.label = 4;
                case 4:
                  if (this.userDefinedMetadata != null) {
                    checkSize = true;
                    checkUserDefinedMetadata(this.userDefinedMetadata, this.name, checkSize);
                    modelArtifacts.userDefinedMetadata = this.userDefinedMetadata;
                  }
                  modelArtifacts.weightData = weightDataAndSpecs.data;
                  modelArtifacts.weightSpecs = weightDataAndSpecs.specs;
                  return [2, handlerOrURL.save(modelArtifacts)];
              }
            });
          });
        };
        LayersModel2.prototype.setUserDefinedMetadata = function(userDefinedMetadata) {
          checkUserDefinedMetadata(userDefinedMetadata, this.name);
          this.userDefinedMetadata = userDefinedMetadata;
        };
        LayersModel2.prototype.getUserDefinedMetadata = function() {
          return this.userDefinedMetadata;
        };
        return LayersModel2;
      })(Container)
    );
    LayersModel.className = "Model";
    tfc.serialization.registerClass(LayersModel);
    var Functional = (
      /** @class */
      (function(_super) {
        __extends(Functional2, _super);
        function Functional2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        return Functional2;
      })(LayersModel)
    );
    Functional.className = "Functional";
    tfc.serialization.registerClass(Functional);
    function modelFromJSON(modelAndWeightsConfig, customObjects) {
      return __awaiter(this, void 0, void 0, function() {
        var modelTopology, tsConfig, model2, weightValues, uniqueWeightValues, _a2, _b, weight;
        var e_12, _c;
        return __generator(this, function(_d) {
          switch (_d.label) {
            case 0:
              if (!("modelTopology" in modelAndWeightsConfig)) {
                modelAndWeightsConfig = { modelTopology: modelAndWeightsConfig };
              }
              modelAndWeightsConfig = modelAndWeightsConfig;
              modelTopology = modelAndWeightsConfig.modelTopology;
              if (modelTopology["model_config"] != null) {
                modelTopology = modelTopology["model_config"];
              }
              tsConfig = convertPythonicToTs(modelTopology);
              model2 = deserialize(tsConfig, customObjects);
              if (!(modelAndWeightsConfig.weightsManifest != null)) return [3, 2];
              return [4, tfc.io.loadWeights(modelAndWeightsConfig.weightsManifest, modelAndWeightsConfig.pathPrefix, model2.weights.map(function(weight2) {
                return weight2.originalName;
              }))];
            case 1:
              weightValues = _d.sent();
              uniqueWeightValues = {};
              try {
                for (_a2 = __values(model2.weights), _b = _a2.next(); !_b.done; _b = _a2.next()) {
                  weight = _b.value;
                  uniqueWeightValues[weight.originalName] = weightValues[weight.originalName];
                }
              } catch (e_1_1) {
                e_12 = { error: e_1_1 };
              } finally {
                try {
                  if (_b && !_b.done && (_c = _a2.return)) _c.call(_a2);
                } finally {
                  if (e_12) throw e_12.error;
                }
              }
              model2.loadWeights(uniqueWeightValues);
              tfc.dispose(weightValues);
              _d.label = 2;
            case 2:
              return [2, model2];
          }
        });
      });
    }
    function loadLayersModel(pathOrIOHandler, options) {
      return __awaiter(this, void 0, void 0, function() {
        var handlers;
        return __generator(this, function(_a2) {
          if (options == null) {
            options = {};
          }
          if (typeof pathOrIOHandler === "string") {
            handlers = tfc.io.getLoadHandlers(pathOrIOHandler, options);
            if (handlers.length === 0) {
              handlers.push(tfc.io.browserHTTPRequest(pathOrIOHandler, options));
            } else if (handlers.length > 1) {
              throw new ValueError("Found more than one (".concat(handlers.length, ") load handlers for ") + "URL '".concat(pathOrIOHandler, "'"));
            }
            pathOrIOHandler = handlers[0];
          }
          return [2, loadLayersModelFromIOHandler(pathOrIOHandler, void 0, options)];
        });
      });
    }
    function loadLayersModelFromIOHandler(handler, customObjects, options) {
      return __awaiter(this, void 0, void 0, function() {
        var artifacts, modelTopology, strict, fastWeightInit, model2, trainingConfig, _a2, modelWeights, optimizerWeights;
        return __generator(this, function(_b) {
          switch (_b.label) {
            case 0:
              if (options == null) {
                options = {};
              }
              if (handler.load == null) {
                throw new ValueError("Cannot proceed with model loading because the IOHandler provided does not have the `load` method implemented.");
              }
              return [4, handler.load()];
            case 1:
              artifacts = _b.sent();
              modelTopology = artifacts.modelTopology;
              if (modelTopology["model_config"] != null) {
                modelTopology = modelTopology["model_config"];
              }
              strict = options.strict == null ? true : options.strict;
              fastWeightInit = artifacts.weightData != null && artifacts.weightSpecs != null && strict;
              model2 = deserialize(convertPythonicToTs(modelTopology), customObjects, fastWeightInit);
              trainingConfig = artifacts.trainingConfig;
              if (trainingConfig != null) {
                model2.loadTrainingConfig(trainingConfig);
              }
              if (artifacts.userDefinedMetadata != null) {
                model2.setUserDefinedMetadata(artifacts.userDefinedMetadata);
              }
              if (!(artifacts.weightData != null)) return [3, 4];
              if (artifacts.weightSpecs == null) {
                throw new ValueError("LayersModel artifacts contains weight data, but not weight specs. Therefore loading of weights cannot proceed.");
              }
              _a2 = decodeModelAndOptimizerWeights(artifacts.weightData, artifacts.weightSpecs), modelWeights = _a2.modelWeights, optimizerWeights = _a2.optimizerWeights;
              model2.loadWeights(modelWeights, strict);
              if (!(model2.optimizer != null && optimizerWeights.length > 0)) return [3, 3];
              return [4, model2.optimizer.setWeights(optimizerWeights)];
            case 2:
              _b.sent();
              _b.label = 3;
            case 3:
              tfc.dispose(modelWeights);
              tfc.dispose(optimizerWeights.map(function(w) {
                return w.tensor;
              }));
              _b.label = 4;
            case 4:
              return [2, model2];
          }
        });
      });
    }
    function decodeModelAndOptimizerWeights(weightData, specs) {
      var name2Tensor = tfc.io.decodeWeights(weightData, specs);
      var modelWeights = {};
      var optimizerWeights = [];
      specs.forEach(function(spec) {
        if (spec.group === "optimizer") {
          optimizerWeights.push({ name: spec.name, tensor: name2Tensor[spec.name] });
        } else {
          modelWeights[spec.name] = name2Tensor[spec.name];
        }
      });
      return { modelWeights, optimizerWeights };
    }
    var Sequential = (
      /** @class */
      (function(_super) {
        __extends(Sequential2, _super);
        function Sequential2(args) {
          var e_2, _a2;
          var _this = _super.call(this, { inputs: [], outputs: [] }) || this;
          args = args || {};
          _this.trainable = true;
          _this.built = false;
          _this.name = args.name != null ? args.name : getUid("sequential_");
          if (args.layers != null) {
            try {
              for (var _b = __values(args.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
                var layer = _c.value;
                _this.add(layer);
              }
            } catch (e_2_1) {
              e_2 = { error: e_2_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_2) throw e_2.error;
              }
            }
          }
          return _this;
        }
        Sequential2.prototype.checkShape = function(layer) {
          var shape = layer.inboundNodes[0].outputTensors[0].shape;
          if (shape.some(function(x) {
            return x < 0;
          })) {
            throw new ValueError("Negative dimension size caused by adding layer " + "".concat(layer.name, " with input shape [") + "".concat(layer.inboundNodes[0].inputTensors[0].shape, "]"));
          }
        };
        Sequential2.prototype.add = function(layer) {
          var isLayerModelInstance = layer instanceof Sequential2 || layer instanceof LayersModel;
          var modelLayer;
          if (isLayerModelInstance) {
            modelLayer = layer;
            if (modelLayer.outputs.length !== 1) {
              throw new ValueError("All layers in a Sequential model should have a single output tensor. For multi-output layers, use the functional API.");
            }
            if (modelLayer.inputs.length !== 1) {
              throw new ValueError("All layers in a Sequential model should have a single input tensor. For multi-input layers, use the functional API.");
            }
          }
          if (this.outputs.length === 0) {
            if (layer.inboundNodes.length === 0) {
              if (layer.batchInputShape == null) {
                throw new ValueError("The first layer in a Sequential model must get an `inputShape` or `batchInputShape` argument.");
              }
              var x = Input({
                batchShape: layer.batchInputShape,
                dtype: layer.dtype,
                name: layer.name + "_input"
              });
              layer.apply(x);
            }
            if (isLayerModelInstance) {
              this.outputs = modelLayer.outputs;
              this.inputs = modelLayer.inputs;
            } else {
              if (layer.inboundNodes.length !== 1) {
                throw new ValueError("A layer added to a Sequential model must not already be " + "connected somewhere else. LayersModel received layer ".concat(layer.name, " ") + "which has ".concat(layer.inboundNodes.length, " pre-existing inbound ") + "connections.");
              }
              if (layer.inboundNodes[0].outputTensors.length !== 1) {
                throw new ValueError("All layers in a Sequential model should have a single output tensor. For multi-output layers, use the functional API.");
              }
              this.checkShape(layer);
              this.outputs = [layer.inboundNodes[0].outputTensors[0]];
              this.inputs = getSourceInputs(this.outputs[0]);
            }
            this.inboundNodes = [];
            new Node({
              outboundLayer: this,
              inboundLayers: [],
              nodeIndices: [],
              tensorIndices: [],
              inputTensors: this.inputs,
              outputTensors: this.outputs,
              // no model-level masking for now
              inputMasks: pyListRepeat(null, this.inputs.length),
              outputMasks: [null],
              inputShapes: this.inputs.map(function(x2) {
                return x2.shape;
              }),
              outputShapes: this.outputs[0].shape
            });
          } else {
            var outputTensor = layer.apply(this.outputs[0]);
            if (Array.isArray(outputTensor)) {
              throw new TypeError("All layers in a Sequential model should have a single output tensor. For multi-output layers, use the functional API.");
            }
            this.checkShape(layer);
            this.outputs = [outputTensor];
            this.inboundNodes[0].outputTensors = this.outputs;
            this.inboundNodes[0].outputShapes = [this.outputs[0].shape];
          }
          this.layers.push(layer);
          this.built = false;
        };
        Sequential2.prototype.pop = function() {
          if (this.layers.length === 0) {
            throw new TypeError("There are no layers in the model.");
          }
          this.layers.pop();
          if (this.layers.length === 0) {
            this.outputs = [];
            this.inboundNodes = [];
            this.outboundNodes = [];
          } else {
            var lastLayerIndex = this.layers.length - 1;
            this.layers[lastLayerIndex].outboundNodes = [];
            this.outputs = [this.layers[lastLayerIndex].output];
            this.inboundNodes[0].outputTensors = this.outputs;
            this.inboundNodes[0].outputShapes = [this.outputs[0].shape];
          }
        };
        Sequential2.prototype.call = function(inputs, kwargs) {
          if (this.model == null) {
            this.build();
          }
          return this.model.call(inputs, kwargs);
        };
        Sequential2.prototype.build = function(inputShape) {
          getExactlyOneShape(inputShape);
          if (this.inputs.length === 0 || this.outputs.length === 0) {
            throw new TypeError("Sequential model cannot be built: model is empty. Add some layers first.");
          }
          this.model = new LayersModel({
            inputs: this.inputs,
            outputs: this.outputs[0],
            name: this.name + "_model"
          });
          this.model.trainable = this.trainable;
          this.supportsMasking = this.model.supportsMasking;
          this.inputLayers = this.model.inputLayers;
          this.inputLayersNodeIndices = this.model.inputLayersNodeIndices;
          this.inputLayersTensorIndices = this.model.inputLayersTensorIndices;
          this.outputLayers = this.model.outputLayers;
          this.outputLayersNodeIndices = this.model.outputLayersNodeIndices;
          this.outputLayersTensorIndices = this.model.outputLayersTensorIndices;
          this.nodesByDepth = this.model.nodesByDepth;
          this.containerNodes = this.model.containerNodes;
          this.outputNames = this.model.outputNames;
          this.inputNames = this.model.inputNames;
          this.built = true;
        };
        Sequential2.prototype.countParams = function() {
          if (!this.built) {
            this.build();
          }
          return _super.prototype.countParams.call(this);
        };
        Sequential2.prototype.summary = function(lineLength, positions, printFn) {
          if (printFn === void 0) {
            printFn = console.log;
          }
          if (!this.built) {
            this.build();
          }
          _super.prototype.summary.call(this, lineLength, positions, printFn);
        };
        Sequential2.prototype.setWeights = function(weights) {
          if (this.model == null) {
            this.build();
          }
          this.model.setWeights(weights);
        };
        Sequential2.prototype.evaluate = function(x, y, args) {
          if (args === void 0) {
            args = {};
          }
          if (!this.built) {
            throw new RuntimeError("The model needs to be compiled before being used.");
          }
          return this.model.evaluate(x, y, args);
        };
        Sequential2.prototype.evaluateDataset = function(dataset, args) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              if (!this.built) {
                throw new RuntimeError("The model needs to be compiled before being used.");
              }
              return [2, this.model.evaluateDataset(dataset, args)];
            });
          });
        };
        Sequential2.prototype.predict = function(x, args) {
          if (args === void 0) {
            args = {};
          }
          if (this.model == null) {
            this.build();
          }
          return this.model.predict(x, args);
        };
        Sequential2.prototype.predictOnBatch = function(x) {
          if (this.model == null) {
            this.build();
          }
          return this.model.predictOnBatch(x);
        };
        Sequential2.prototype.compile = function(args) {
          this.build();
          this.model.compile(args);
          this.optimizer_ = this.model.optimizer;
          this.isOptimizerOwned = this.model.isOptimizerOwned;
          this.loss = this.model.loss;
          this.metrics = this.model.metrics;
          this.metricsTensors = this.model.metricsTensors;
          this.metricsNames = this.model.metricsNames;
        };
        Object.defineProperty(Sequential2.prototype, "optimizer", {
          get: function() {
            return this.model == null ? void 0 : this.model.optimizer;
          },
          set: function(optimizer) {
            this.model.optimizer = optimizer;
          },
          enumerable: false,
          configurable: true
        });
        Sequential2.prototype.fit = function(x, y, args) {
          if (args === void 0) {
            args = {};
          }
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              if (!this.built) {
                throw new RuntimeError("The model needs to be compiled before being used.");
              }
              return [2, this.model.fit(x, y, args)];
            });
          });
        };
        Sequential2.prototype.fitDataset = function(dataset, args) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              if (!this.built) {
                throw new RuntimeError("The model needs to be compiled before being used.");
              }
              return [2, this.model.fitDataset(dataset, args)];
            });
          });
        };
        Sequential2.prototype.trainOnBatch = function(x, y) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              return [2, this.model.trainOnBatch(x, y)];
            });
          });
        };
        Sequential2.fromConfig = function(cls, config, customObjects, fastWeightInit) {
          var e_3, _a2;
          if (fastWeightInit === void 0) {
            fastWeightInit = false;
          }
          var configArray;
          var extraModelConfig = {};
          if (config instanceof Array) {
            if (!(config[0].className != null) || config[0]["className"] === "Merge") {
              throw new ValueError("Legacy serialization format not supported yet.");
            }
            configArray = config;
          } else {
            tfc.util.assert(config["layers"] != null, function() {
              return "When the config data for a Sequential model is not an Array, it must be an Object that contains the 'layers' field.";
            });
            configArray = config["layers"];
            delete config["layers"];
            extraModelConfig = config;
          }
          var model2 = new cls(extraModelConfig);
          if (!(model2 instanceof Sequential2)) {
            throw new NotImplementedError("Sequential.fromConfig called on non-Sequential input: ".concat(model2));
          }
          try {
            for (var configArray_1 = __values(configArray), configArray_1_1 = configArray_1.next(); !configArray_1_1.done; configArray_1_1 = configArray_1.next()) {
              var conf = configArray_1_1.value;
              var customObjects_1 = void 0;
              var layer = deserialize(conf, customObjects_1, fastWeightInit);
              if (fastWeightInit) {
                layer.setFastWeightInitDuringBuild(true);
              }
              model2.add(layer);
            }
          } catch (e_3_1) {
            e_3 = { error: e_3_1 };
          } finally {
            try {
              if (configArray_1_1 && !configArray_1_1.done && (_a2 = configArray_1.return)) _a2.call(configArray_1);
            } finally {
              if (e_3) throw e_3.error;
            }
          }
          return model2;
        };
        Object.defineProperty(Sequential2.prototype, "stopTraining", {
          get: function() {
            if (this.model == null) {
              throw new ValueError("Cannot get the stopTraining property of a sequential model before it is compiled.");
            }
            return this.model.stopTraining;
          },
          /**
           * Setter used for force stopping of LayersModel.fit() (i.e., training).
           *
           * Example:
           *
           * ```js
           * const model = tf.sequential();
           * model.add(tf.layers.dense({units: 1, inputShape: [10]}));
           * model.compile({loss: 'meanSquaredError', optimizer: 'sgd'});
           * const xs = tf.ones([8, 10]);
           * const ys = tf.zeros([8, 1]);
           *
           * const history = await model.fit(xs, ys, {
           *   epochs: 10,
           *   callbacks: {
           *     onEpochEnd: async (epoch, logs) => {
           *       if (epoch === 2) {
           *         model.stopTraining = true;
           *       }
           *     }
           *   }
           * });
           *
           * // There should be only 3 values in the loss array, instead of 10 values,
           * // due to the stopping after 3 epochs.
           * console.log(history.history.loss);
           * ```
           */
          set: function(stop) {
            if (this.model == null) {
              throw new ValueError("Cannot set the stopTraining property of a sequential model before it is compiled.");
            }
            this.model.stopTraining = stop;
          },
          enumerable: false,
          configurable: true
        });
        Sequential2.prototype.getConfig = function() {
          var e_4, _a2;
          var layers = [];
          try {
            for (var _b = __values(this.layers), _c = _b.next(); !_c.done; _c = _b.next()) {
              var layer = _c.value;
              var dict = {};
              dict["className"] = layer.getClassName();
              dict["config"] = layer.getConfig();
              layers.push(dict);
            }
          } catch (e_4_1) {
            e_4 = { error: e_4_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_4) throw e_4.error;
            }
          }
          return { name: this.name, layers };
        };
        return Sequential2;
      })(LayersModel)
    );
    Sequential.className = "Sequential";
    tfc.serialization.registerClass(Sequential);
    function model(args) {
      return new LayersModel(args);
    }
    function sequential(config) {
      return new Sequential(config);
    }
    function input(config) {
      return Input(config);
    }
    function registerCallbackConstructor(verbosityLevel, callbackConstructor) {
      CallbackConstructorRegistry.registerCallbackConstructor(verbosityLevel, callbackConstructor);
    }
    var Activation$1 = (
      /** @class */
      (function(_super) {
        __extends(Activation2, _super);
        function Activation2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Activation2.prototype.getConfig = function() {
          return {};
        };
        return Activation2;
      })(tfc.serialization.Serializable)
    );
    var Elu = (
      /** @class */
      (function(_super) {
        __extends(Elu2, _super);
        function Elu2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Elu2.prototype.apply = function(x, alpha) {
          if (alpha === void 0) {
            alpha = 1;
          }
          return elu$1(x, alpha);
        };
        return Elu2;
      })(Activation$1)
    );
    Elu.className = "elu";
    tfc.serialization.registerClass(Elu);
    var Selu = (
      /** @class */
      (function(_super) {
        __extends(Selu2, _super);
        function Selu2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Selu2.prototype.apply = function(x) {
          return tfc__namespace.selu(x);
        };
        return Selu2;
      })(Activation$1)
    );
    Selu.className = "selu";
    tfc.serialization.registerClass(Selu);
    var Relu = (
      /** @class */
      (function(_super) {
        __extends(Relu2, _super);
        function Relu2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Relu2.prototype.apply = function(x) {
          return tfc__namespace.relu(x);
        };
        return Relu2;
      })(Activation$1)
    );
    Relu.className = "relu";
    tfc.serialization.registerClass(Relu);
    var Relu6 = (
      /** @class */
      (function(_super) {
        __extends(Relu62, _super);
        function Relu62() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Relu62.prototype.apply = function(x) {
          return tfc.tidy(function() {
            return tfc__namespace.minimum(6, tfc__namespace.relu(x));
          });
        };
        return Relu62;
      })(Activation$1)
    );
    Relu6.className = "relu6";
    tfc.serialization.registerClass(Relu6);
    var Linear = (
      /** @class */
      (function(_super) {
        __extends(Linear2, _super);
        function Linear2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Linear2.prototype.apply = function(x) {
          return x;
        };
        return Linear2;
      })(Activation$1)
    );
    Linear.className = "linear";
    tfc.serialization.registerClass(Linear);
    var Sigmoid = (
      /** @class */
      (function(_super) {
        __extends(Sigmoid2, _super);
        function Sigmoid2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Sigmoid2.prototype.apply = function(x) {
          return tfc__namespace.sigmoid(x);
        };
        return Sigmoid2;
      })(Activation$1)
    );
    Sigmoid.className = "sigmoid";
    tfc.serialization.registerClass(Sigmoid);
    var HardSigmoid = (
      /** @class */
      (function(_super) {
        __extends(HardSigmoid2, _super);
        function HardSigmoid2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        HardSigmoid2.prototype.apply = function(x) {
          return hardSigmoid(x);
        };
        return HardSigmoid2;
      })(Activation$1)
    );
    HardSigmoid.className = "hardSigmoid";
    tfc.serialization.registerClass(HardSigmoid);
    var Softplus = (
      /** @class */
      (function(_super) {
        __extends(Softplus2, _super);
        function Softplus2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Softplus2.prototype.apply = function(x) {
          return tfc__namespace.softplus(x);
        };
        return Softplus2;
      })(Activation$1)
    );
    Softplus.className = "softplus";
    tfc.serialization.registerClass(Softplus);
    var Softsign = (
      /** @class */
      (function(_super) {
        __extends(Softsign2, _super);
        function Softsign2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Softsign2.prototype.apply = function(x) {
          return softsign(x);
        };
        return Softsign2;
      })(Activation$1)
    );
    Softsign.className = "softsign";
    tfc.serialization.registerClass(Softsign);
    var Tanh = (
      /** @class */
      (function(_super) {
        __extends(Tanh2, _super);
        function Tanh2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Tanh2.prototype.apply = function(x) {
          return tfc__namespace.tanh(x);
        };
        return Tanh2;
      })(Activation$1)
    );
    Tanh.className = "tanh";
    tfc.serialization.registerClass(Tanh);
    var Softmax$1 = (
      /** @class */
      (function(_super) {
        __extends(Softmax2, _super);
        function Softmax2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Softmax2.prototype.apply = function(x, axis) {
          if (axis === void 0) {
            axis = -1;
          }
          return tfc__namespace.softmax(x, axis);
        };
        return Softmax2;
      })(Activation$1)
    );
    Softmax$1.className = "softmax";
    tfc.serialization.registerClass(Softmax$1);
    var LogSoftmax = (
      /** @class */
      (function(_super) {
        __extends(LogSoftmax2, _super);
        function LogSoftmax2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        LogSoftmax2.prototype.apply = function(x, axis) {
          if (axis === void 0) {
            axis = -1;
          }
          return tfc__namespace.logSoftmax(x, axis);
        };
        return LogSoftmax2;
      })(Activation$1)
    );
    LogSoftmax.className = "logSoftmax";
    tfc.serialization.registerClass(LogSoftmax);
    var Gelu = (
      /** @class */
      (function(_super) {
        __extends(Gelu2, _super);
        function Gelu2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Gelu2.prototype.apply = function(x) {
          return tfc.tidy(function() {
            return tfc__namespace.tidy(function() {
              var sqrtTwo = Math.sqrt(2);
              var cdf = tfc__namespace.mul(0.5, tfc__namespace.add(1, tfc__namespace.erf(tfc__namespace.div(x, sqrtTwo))));
              return tfc__namespace.mul(x, cdf);
            });
          });
        };
        return Gelu2;
      })(Activation$1)
    );
    Gelu.className = "gelu";
    tfc.serialization.registerClass(Gelu);
    var GeluNew = (
      /** @class */
      (function(_super) {
        __extends(GeluNew2, _super);
        function GeluNew2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        GeluNew2.prototype.apply = function(x) {
          return tfc.tidy(function() {
            return tfc__namespace.mul(0.5, tfc__namespace.mul(x, tfc__namespace.add(1, tfc__namespace.tanh(tfc__namespace.mul(tfc__namespace.sqrt(tfc__namespace.div(2, Math.PI)), tfc__namespace.add(x, tfc__namespace.mul(0.044715, tfc__namespace.pow(x, 3))))))));
          });
        };
        return GeluNew2;
      })(Activation$1)
    );
    GeluNew.className = "gelu_new";
    tfc.serialization.registerClass(GeluNew);
    var Mish = (
      /** @class */
      (function(_super) {
        __extends(Mish2, _super);
        function Mish2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Mish2.prototype.apply = function(x) {
          return tfc.tidy(function() {
            return tfc__namespace.mul(x, tfc__namespace.tanh(tfc__namespace.softplus(x)));
          });
        };
        return Mish2;
      })(Activation$1)
    );
    Mish.className = "mish";
    tfc.serialization.registerClass(Mish);
    var Swish = (
      /** @class */
      (function(_super) {
        __extends(Swish2, _super);
        function Swish2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        Swish2.prototype.apply = function(x, alpha) {
          if (alpha === void 0) {
            alpha = 1;
          }
          return tfc.tidy(function() {
            return tfc__namespace.mul(tfc__namespace.sigmoid(tfc__namespace.mul(x, alpha)), x);
          });
        };
        return Swish2;
      })(Activation$1)
    );
    Swish.className = "swish";
    tfc.serialization.registerClass(Swish);
    function serializeActivation(activation2) {
      return activation2.getClassName();
    }
    function deserializeActivation(config, customObjects) {
      if (customObjects === void 0) {
        customObjects = {};
      }
      return deserializeKerasObject(config, tfc.serialization.SerializationMap.getMap().classNameMap, customObjects, "activation");
    }
    function getActivation(identifier) {
      if (identifier == null) {
        var config = {};
        config["className"] = "linear";
        config["config"] = {};
        return deserializeActivation(config);
      }
      if (typeof identifier === "string") {
        var config = {};
        config["className"] = identifier;
        config["config"] = {};
        return deserializeActivation(config);
      } else if (identifier instanceof Activation$1) {
        return identifier;
      } else {
        return deserializeActivation(identifier);
      }
    }
    function assertObjectArgs(args) {
      if (args != null && typeof args !== "object") {
        throw new Error("Argument to L1L2 regularizer's constructor is expected to be an " + "object, but received: ".concat(args));
      }
    }
    var Regularizer = (
      /** @class */
      (function(_super) {
        __extends(Regularizer2, _super);
        function Regularizer2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        return Regularizer2;
      })(tfc.serialization.Serializable)
    );
    var L1L2 = (
      /** @class */
      (function(_super) {
        __extends(L1L22, _super);
        function L1L22(args) {
          var _this = _super.call(this) || this;
          assertObjectArgs(args);
          _this.l1 = args == null || args.l1 == null ? 0.01 : args.l1;
          _this.l2 = args == null || args.l2 == null ? 0.01 : args.l2;
          _this.hasL1 = _this.l1 !== 0;
          _this.hasL2 = _this.l2 !== 0;
          return _this;
        }
        L1L22.prototype.apply = function(x) {
          var _this = this;
          return tfc.tidy(function() {
            var regularization = tfc.zeros([1]);
            if (_this.hasL1) {
              regularization = tfc.add(regularization, tfc.sum(tfc__namespace.mul(_this.l1, tfc.abs(x))));
            }
            if (_this.hasL2) {
              regularization = tfc.add(regularization, tfc.sum(tfc__namespace.mul(_this.l2, square$1(x))));
            }
            return tfc__namespace.reshape(regularization, []);
          });
        };
        L1L22.prototype.getConfig = function() {
          return { "l1": this.l1, "l2": this.l2 };
        };
        L1L22.fromConfig = function(cls, config) {
          return new cls({ l1: config["l1"], l2: config["l2"] });
        };
        return L1L22;
      })(Regularizer)
    );
    L1L2.className = "L1L2";
    tfc.serialization.registerClass(L1L2);
    function l1$1(args) {
      assertObjectArgs(args);
      return new L1L2({ l1: args != null ? args.l1 : null, l2: 0 });
    }
    function l2$1(args) {
      assertObjectArgs(args);
      return new L1L2({ l2: args != null ? args.l2 : null, l1: 0 });
    }
    var REGULARIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP = {
      "l1l2": "L1L2"
    };
    function serializeRegularizer(constraint) {
      return serializeKerasObject(constraint);
    }
    function deserializeRegularizer(config, customObjects) {
      if (customObjects === void 0) {
        customObjects = {};
      }
      return deserializeKerasObject(config, tfc.serialization.SerializationMap.getMap().classNameMap, customObjects, "regularizer");
    }
    function getRegularizer(identifier) {
      if (identifier == null) {
        return null;
      }
      if (typeof identifier === "string") {
        var className = identifier in REGULARIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP ? REGULARIZER_IDENTIFIER_REGISTRY_SYMBOL_MAP[identifier] : identifier;
        var config = { className, config: {} };
        return deserializeRegularizer(config);
      } else if (identifier instanceof Regularizer) {
        return identifier;
      } else {
        return deserializeRegularizer(identifier);
      }
    }
    var ReLU = (
      /** @class */
      (function(_super) {
        __extends(ReLU2, _super);
        function ReLU2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.supportsMasking = true;
          if (args != null) {
            _this.maxValue = args.maxValue;
          }
          return _this;
        }
        ReLU2.prototype.call = function(inputs, kwargs) {
          inputs = getExactlyOneTensor(inputs);
          var output = tfc.relu(inputs);
          if (this.maxValue != null) {
            output = tfc.clipByValue(output, 0, this.maxValue);
          }
          return output;
        };
        ReLU2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        ReLU2.prototype.getConfig = function() {
          var config = { maxValue: this.maxValue };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return ReLU2;
      })(Layer)
    );
    ReLU.className = "ReLU";
    tfc.serialization.registerClass(ReLU);
    var LeakyReLU = (
      /** @class */
      (function(_super) {
        __extends(LeakyReLU2, _super);
        function LeakyReLU2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.DEFAULT_ALPHA = 0.3;
          if (args == null) {
            args = {};
          }
          _this.alpha = args.alpha == null ? _this.DEFAULT_ALPHA : args.alpha;
          return _this;
        }
        LeakyReLU2.prototype.call = function(inputs, kwargs) {
          var x = getExactlyOneTensor(inputs);
          return tfc.leakyRelu(x, this.alpha);
        };
        LeakyReLU2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        LeakyReLU2.prototype.getConfig = function() {
          var config = { alpha: this.alpha };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return LeakyReLU2;
      })(Layer)
    );
    LeakyReLU.className = "LeakyReLU";
    tfc.serialization.registerClass(LeakyReLU);
    var PReLU = (
      /** @class */
      (function(_super) {
        __extends(PReLU2, _super);
        function PReLU2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.DEFAULT_ALPHA_INITIALIZER = "zeros";
          if (args == null) {
            args = {};
          }
          _this.supportsMasking = true;
          _this.alphaInitializer = getInitializer(args.alphaInitializer || _this.DEFAULT_ALPHA_INITIALIZER);
          _this.alphaRegularizer = getRegularizer(args.alphaRegularizer);
          _this.alphaConstraint = getConstraint(args.alphaConstraint);
          if (args.sharedAxes == null) {
            _this.sharedAxes = null;
          } else if (Array.isArray(args.sharedAxes)) {
            _this.sharedAxes = args.sharedAxes;
          } else if (typeof args.sharedAxes === "number") {
            _this.sharedAxes = [args.sharedAxes];
          } else {
            throw new ValueError("Expected sharedAxes to be a number or an array of numbers, " + "but got ".concat(args.sharedAxes));
          }
          return _this;
        }
        PReLU2.prototype.build = function(inputShape) {
          var e_12, _a2;
          inputShape = getExactlyOneShape(inputShape);
          var paramShape = inputShape.slice(1);
          if (this.sharedAxes != null) {
            try {
              for (var _b = __values(this.sharedAxes), _c = _b.next(); !_c.done; _c = _b.next()) {
                var i = _c.value;
                paramShape[i - 1] = 1;
              }
            } catch (e_1_1) {
              e_12 = { error: e_1_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_12) throw e_12.error;
              }
            }
          }
          this.alpha = this.addWeight("alpha", paramShape, "float32", this.alphaInitializer, this.alphaRegularizer, true, this.alphaConstraint);
          var axes = {};
          if (this.sharedAxes != null) {
            for (var i = 1; i < inputShape.length; ++i) {
              axes[i] = inputShape[i];
            }
          }
          this.inputSpec = [new InputSpec({
            ndim: inputShape.length,
            axes
          })];
          this.built = true;
        };
        PReLU2.prototype.call = function(inputs, kwargs) {
          inputs = getExactlyOneTensor(inputs);
          return tfc.prelu(inputs, this.alpha.read());
        };
        PReLU2.prototype.getConfig = function() {
          var config = {
            alphaInitializer: serializeInitializer(this.alphaInitializer),
            alphaRegularizer: serializeRegularizer(this.alphaRegularizer),
            alphaConstraint: serializeConstraint(this.alphaConstraint),
            sharedAxes: this.sharedAxes
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return PReLU2;
      })(Layer)
    );
    PReLU.className = "PReLU";
    tfc.serialization.registerClass(PReLU);
    var ELU = (
      /** @class */
      (function(_super) {
        __extends(ELU2, _super);
        function ELU2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.DEFAULT_ALPHA = 1;
          if (args == null) {
            args = {};
          }
          if (args.alpha != null && args.alpha !== _this.DEFAULT_ALPHA) {
            throw new NotImplementedError("Non-default alpha value (".concat(args.alpha, ") is not supported by the ") + "ELU layer yet.");
          }
          _this.alpha = args.alpha == null ? _this.DEFAULT_ALPHA : args.alpha;
          return _this;
        }
        ELU2.prototype.call = function(inputs, kwargs) {
          var x = getExactlyOneTensor(inputs);
          return tfc.elu(x);
        };
        ELU2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        ELU2.prototype.getConfig = function() {
          var config = { alpha: this.alpha };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return ELU2;
      })(Layer)
    );
    ELU.className = "ELU";
    tfc.serialization.registerClass(ELU);
    var ThresholdedReLU = (
      /** @class */
      (function(_super) {
        __extends(ThresholdedReLU2, _super);
        function ThresholdedReLU2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.DEFAULT_THETA = 1;
          if (args == null) {
            args = {};
          }
          _this.theta = args.theta == null ? _this.DEFAULT_THETA : args.theta;
          return _this;
        }
        ThresholdedReLU2.prototype.call = function(inputs, kwargs) {
          var x = getExactlyOneTensor(inputs);
          return tfc.mul(x, tfc.cast(tfc.greater(x, this.theta), "float32"));
        };
        ThresholdedReLU2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        ThresholdedReLU2.prototype.getConfig = function() {
          var config = { theta: this.theta };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return ThresholdedReLU2;
      })(Layer)
    );
    ThresholdedReLU.className = "ThresholdedReLU";
    tfc.serialization.registerClass(ThresholdedReLU);
    var Softmax = (
      /** @class */
      (function(_super) {
        __extends(Softmax2, _super);
        function Softmax2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.DEFAULT_AXIS = 1;
          if (args == null) {
            args = {};
          }
          _this.softmax = new Softmax$1().apply;
          _this.axis = args.axis == null ? _this.DEFAULT_AXIS : args.axis;
          return _this;
        }
        Softmax2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var x = getExactlyOneTensor(inputs);
            var mask = kwargs["mask"];
            if (mask != null) {
              var adder = tfc.mul(tfc.sub(tfc.ones(x.shape), tfc.cast(mask, x.dtype)), tfc.scalar(-1e9));
              x = tfc.add(x, adder);
            }
            if (_this.axis instanceof Array) {
              if (_this.axis.length > 1) {
                return tfc.exp(tfc.sub(x, tfc.logSumExp(x, _this.axis, true)));
              } else {
                return _this.softmax(x, _this.axis[0]);
              }
            }
            return _this.softmax(x, _this.axis);
          });
        };
        Softmax2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        Softmax2.prototype.getConfig = function() {
          var config = { axis: this.axis };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Softmax2;
      })(Layer)
    );
    Softmax.className = "Softmax";
    tfc.serialization.registerClass(Softmax);
    function normalizeArray(value, n, name) {
      if (typeof value === "number") {
        return pyListRepeat(value, n);
      } else {
        if (value.length !== n) {
          throw new ValueError("The ".concat(name, " argument must be an integer or tuple of ").concat(n, " integers.") + " Received: ".concat(value.length, " elements."));
        }
        for (var i = 0; i < n; ++i) {
          var singleValue = value[i];
          if (!isInteger(singleValue)) {
            throw new ValueError("The ".concat(name, " argument must be an integer or tuple of ").concat(n) + " integers. Received: ".concat(JSON.stringify(value), " including a") + " non-integer number ".concat(singleValue));
          }
        }
        return value;
      }
    }
    function convOutputLength(inputLength, filterSize, padding, stride, dilation) {
      if (dilation === void 0) {
        dilation = 1;
      }
      if (inputLength == null) {
        return inputLength;
      }
      var dilatedFilterSize = filterSize + (filterSize - 1) * (dilation - 1);
      var outputLength;
      if (padding === "same") {
        outputLength = inputLength;
      } else {
        outputLength = inputLength - dilatedFilterSize + 1;
      }
      return Math.floor((outputLength + stride - 1) / stride);
    }
    function deconvLength(dimSize, strideSize, kernelSize, padding) {
      if (dimSize == null) {
        return null;
      }
      if (padding === "valid") {
        dimSize = dimSize * strideSize + max([kernelSize - strideSize, 0]);
      } else if (padding === "same") {
        dimSize = dimSize * strideSize;
      } else {
        throw new ValueError("Unsupport padding mode: ".concat(padding, "."));
      }
      return dimSize;
    }
    function preprocessConv2DInput(x, dataFormat) {
      return tfc.tidy(function() {
        checkDataFormat(dataFormat);
        if (dataFormat === "channelsFirst") {
          return tfc__namespace.transpose(x, [0, 2, 3, 1]);
        } else {
          return x;
        }
      });
    }
    function preprocessConv3DInput(x, dataFormat) {
      return tfc.tidy(function() {
        checkDataFormat(dataFormat);
        if (dataFormat === "channelsFirst") {
          return tfc__namespace.transpose(x, [0, 2, 3, 4, 1]);
        } else {
          return x;
        }
      });
    }
    function conv1dWithBias(x, kernel, bias, strides, padding, dataFormat, dilationRate) {
      if (strides === void 0) {
        strides = 1;
      }
      if (padding === void 0) {
        padding = "valid";
      }
      if (dilationRate === void 0) {
        dilationRate = 1;
      }
      return tfc.tidy(function() {
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        checkDataFormat(dataFormat);
        if (x.shape.length !== 3) {
          throw new ValueError("The input of a conv1dWithBias operation should be 3, but is " + "".concat(x.shape.length, " instead."));
        }
        if (kernel.shape.length !== 3) {
          throw new ValueError("The kernel for a conv1dWithBias operation should be 3, but is " + "".concat(kernel.shape.length, " instead"));
        }
        if (bias != null && bias.shape.length !== 1) {
          throw new ValueError("The bias for a conv1dWithBias operation should be 1, but is " + "".concat(bias.shape.length, " instead"));
        }
        if (dataFormat === "channelsFirst") {
          x = tfc__namespace.transpose(x, [0, 2, 1]);
        }
        if (padding === "causal") {
          throw new NotImplementedError("The support for CAUSAL padding mode in conv1dWithBias is not implemented yet.");
        }
        var y = tfc__namespace.conv1d(x, kernel, strides, padding === "same" ? "same" : "valid", "NWC", dilationRate);
        if (bias != null) {
          y = biasAdd(y, bias);
        }
        return y;
      });
    }
    function conv2dWithBiasActivation(x, kernel, bias, strides, padding, dataFormat, dilationRate, activation2) {
      if (strides === void 0) {
        strides = [1, 1];
      }
      if (padding === void 0) {
        padding = "valid";
      }
      if (activation2 === void 0) {
        activation2 = null;
      }
      return tfc.tidy(function() {
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        checkDataFormat(dataFormat);
        if (x.rank !== 3 && x.rank !== 4) {
          throw new ValueError("conv2dWithBiasActivation expects input to be of rank 3 or 4, " + "but received ".concat(x.rank, "."));
        }
        if (kernel.rank !== 3 && kernel.rank !== 4) {
          throw new ValueError("conv2dWithBiasActivation expects kernel to be of rank 3 or 4, " + "but received ".concat(x.rank, "."));
        }
        var y = preprocessConv2DInput(x, dataFormat);
        if (padding === "causal") {
          throw new NotImplementedError("The support for CAUSAL padding mode in conv1dWithBias is not implemented yet.");
        }
        y = tfc__namespace.fused.conv2d({
          x: y,
          filter: kernel,
          strides,
          pad: padding === "same" ? "same" : "valid",
          dilations: dilationRate,
          dataFormat: "NHWC",
          bias,
          activation: activation2
        });
        if (dataFormat === "channelsFirst") {
          y = tfc__namespace.transpose(y, [0, 3, 1, 2]);
        }
        return y;
      });
    }
    function conv3dWithBias(x, kernel, bias, strides, padding, dataFormat, dilationRate) {
      if (strides === void 0) {
        strides = [1, 1, 1];
      }
      if (padding === void 0) {
        padding = "valid";
      }
      return tfc.tidy(function() {
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        checkDataFormat(dataFormat);
        if (x.rank !== 4 && x.rank !== 5) {
          throw new ValueError("conv3dWithBias expects input to be of rank 4 or 5, but received " + "".concat(x.rank, "."));
        }
        if (kernel.rank !== 4 && kernel.rank !== 5) {
          throw new ValueError("conv3dWithBias expects kernel to be of rank 4 or 5, but received " + "".concat(x.rank, "."));
        }
        var y = preprocessConv3DInput(x, dataFormat);
        if (padding === "causal") {
          throw new NotImplementedError("The support for CAUSAL padding mode in conv3dWithBias is not implemented yet.");
        }
        y = tfc__namespace.conv3d(y, kernel, strides, padding === "same" ? "same" : "valid", "NDHWC", dilationRate);
        if (bias != null) {
          y = biasAdd(y, bias);
        }
        if (dataFormat === "channelsFirst") {
          y = tfc__namespace.transpose(y, [0, 4, 1, 2, 3]);
        }
        return y;
      });
    }
    var BaseConv = (
      /** @class */
      (function(_super) {
        __extends(BaseConv2, _super);
        function BaseConv2(rank, args) {
          var _this = _super.call(this, args) || this;
          _this.bias = null;
          _this.DEFAULT_KERNEL_INITIALIZER = "glorotNormal";
          _this.DEFAULT_BIAS_INITIALIZER = "zeros";
          BaseConv2.verifyArgs(args);
          _this.rank = rank;
          assertPositiveInteger(_this.rank, "rank");
          if (_this.rank !== 1 && _this.rank !== 2 && _this.rank !== 3) {
            throw new NotImplementedError("Convolution layer for rank other than 1, 2, or 3 (".concat(_this.rank, ") is ") + "not implemented yet.");
          }
          _this.kernelSize = normalizeArray(args.kernelSize, rank, "kernelSize");
          _this.strides = normalizeArray(args.strides == null ? 1 : args.strides, rank, "strides");
          _this.padding = args.padding == null ? "valid" : args.padding;
          checkPaddingMode(_this.padding);
          _this.dataFormat = args.dataFormat == null ? "channelsLast" : args.dataFormat;
          checkDataFormat(_this.dataFormat);
          _this.activation = getActivation(args.activation);
          _this.useBias = args.useBias == null ? true : args.useBias;
          _this.biasInitializer = getInitializer(args.biasInitializer || _this.DEFAULT_BIAS_INITIALIZER);
          _this.biasConstraint = getConstraint(args.biasConstraint);
          _this.biasRegularizer = getRegularizer(args.biasRegularizer);
          _this.activityRegularizer = getRegularizer(args.activityRegularizer);
          _this.dilationRate = normalizeArray(args.dilationRate == null ? 1 : args.dilationRate, rank, "dilationRate");
          if (_this.rank === 1 && (Array.isArray(_this.dilationRate) && _this.dilationRate.length !== 1)) {
            throw new ValueError("dilationRate must be a number or an array of a single number for 1D convolution, but received " + "".concat(JSON.stringify(_this.dilationRate)));
          } else if (_this.rank === 2) {
            if (typeof _this.dilationRate === "number") {
              _this.dilationRate = [_this.dilationRate, _this.dilationRate];
            } else if (_this.dilationRate.length !== 2) {
              throw new ValueError("dilationRate must be a number or array of two numbers for 2D " + "convolution, but received ".concat(JSON.stringify(_this.dilationRate)));
            }
          } else if (_this.rank === 3) {
            if (typeof _this.dilationRate === "number") {
              _this.dilationRate = [_this.dilationRate, _this.dilationRate, _this.dilationRate];
            } else if (_this.dilationRate.length !== 3) {
              throw new ValueError("dilationRate must be a number or array of three numbers for 3D " + "convolution, but received ".concat(JSON.stringify(_this.dilationRate)));
            }
          }
          return _this;
        }
        BaseConv2.verifyArgs = function(args) {
          assert$1("kernelSize" in args, "required key 'kernelSize' not in config");
          if (typeof args.kernelSize !== "number" && !checkArrayTypeAndLength(args.kernelSize, "number", 1, 3)) {
            throw new ValueError("BaseConv expects config.kernelSize to be number or number[] with " + "length 1, 2, or 3, but received ".concat(JSON.stringify(args.kernelSize), "."));
          }
        };
        BaseConv2.prototype.getConfig = function() {
          var config = {
            kernelSize: this.kernelSize,
            strides: this.strides,
            padding: this.padding,
            dataFormat: this.dataFormat,
            dilationRate: this.dilationRate,
            activation: serializeActivation(this.activation),
            useBias: this.useBias,
            biasInitializer: serializeInitializer(this.biasInitializer),
            biasRegularizer: serializeRegularizer(this.biasRegularizer),
            activityRegularizer: serializeRegularizer(this.activityRegularizer),
            biasConstraint: serializeConstraint(this.biasConstraint)
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return BaseConv2;
      })(Layer)
    );
    var Conv = (
      /** @class */
      (function(_super) {
        __extends(Conv2, _super);
        function Conv2(rank, args) {
          var _this = _super.call(this, rank, args) || this;
          _this.kernel = null;
          Conv2.verifyArgs(args);
          _this.filters = args.filters;
          assertPositiveInteger(_this.filters, "filters");
          _this.kernelInitializer = getInitializer(args.kernelInitializer || _this.DEFAULT_KERNEL_INITIALIZER);
          _this.kernelConstraint = getConstraint(args.kernelConstraint);
          _this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
          return _this;
        }
        Conv2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          var channelAxis = this.dataFormat === "channelsFirst" ? 1 : inputShape.length - 1;
          if (inputShape[channelAxis] == null) {
            throw new ValueError("The channel dimension of the input should be defined. " + "Found ".concat(inputShape[channelAxis]));
          }
          var inputDim = inputShape[channelAxis];
          var kernelShape = this.kernelSize.concat([inputDim, this.filters]);
          this.kernel = this.addWeight("kernel", kernelShape, null, this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [this.filters], null, this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          }
          this.inputSpec = [{ ndim: this.rank + 2, axes: (_a2 = {}, _a2[channelAxis] = inputDim, _a2) }];
          this.built = true;
        };
        Conv2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            var outputs;
            var biasValue = _this.bias == null ? null : _this.bias.read();
            var fusedActivationName = mapActivationToFusedKernel(_this.activation.getClassName());
            if (fusedActivationName != null && _this.rank === 2) {
              outputs = conv2dWithBiasActivation(inputs, _this.kernel.read(), biasValue, _this.strides, _this.padding, _this.dataFormat, _this.dilationRate, fusedActivationName);
            } else {
              if (_this.rank === 1) {
                outputs = conv1dWithBias(inputs, _this.kernel.read(), biasValue, _this.strides[0], _this.padding, _this.dataFormat, _this.dilationRate[0]);
              } else if (_this.rank === 2) {
                outputs = conv2dWithBiasActivation(inputs, _this.kernel.read(), biasValue, _this.strides, _this.padding, _this.dataFormat, _this.dilationRate);
              } else if (_this.rank === 3) {
                outputs = conv3dWithBias(inputs, _this.kernel.read(), biasValue, _this.strides, _this.padding, _this.dataFormat, _this.dilationRate);
              } else {
                throw new NotImplementedError("convolutions greater than 3D are not implemented yet.");
              }
              if (_this.activation != null) {
                outputs = _this.activation.apply(outputs);
              }
            }
            return outputs;
          });
        };
        Conv2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var newSpace = [];
          var space = this.dataFormat === "channelsLast" ? inputShape.slice(1, inputShape.length - 1) : inputShape.slice(2);
          for (var i = 0; i < space.length; ++i) {
            var newDim = convOutputLength(space[i], this.kernelSize[i], this.padding, this.strides[i], typeof this.dilationRate === "number" ? this.dilationRate : this.dilationRate[i]);
            newSpace.push(newDim);
          }
          var outputShape = [inputShape[0]];
          if (this.dataFormat === "channelsLast") {
            outputShape = outputShape.concat(newSpace);
            outputShape.push(this.filters);
          } else {
            outputShape.push(this.filters);
            outputShape = outputShape.concat(newSpace);
          }
          return outputShape;
        };
        Conv2.prototype.getConfig = function() {
          var config = {
            filters: this.filters,
            kernelInitializer: serializeInitializer(this.kernelInitializer),
            kernelRegularizer: serializeRegularizer(this.kernelRegularizer),
            kernelConstraint: serializeConstraint(this.kernelConstraint)
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        Conv2.verifyArgs = function(args) {
          if (!("filters" in args) || typeof args.filters !== "number" || args.filters < 1) {
            throw new ValueError("Convolution layer expected config.filters to be a 'number' > 0 " + "but got ".concat(JSON.stringify(args.filters)));
          }
        };
        return Conv2;
      })(BaseConv)
    );
    var Conv2D = (
      /** @class */
      (function(_super) {
        __extends(Conv2D2, _super);
        function Conv2D2(args) {
          var _this = _super.call(this, 2, args) || this;
          Conv2D2.verifyArgs(args);
          return _this;
        }
        Conv2D2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          delete config["rank"];
          return config;
        };
        Conv2D2.verifyArgs = function(args) {
          if (typeof args.kernelSize !== "number" && !checkArrayTypeAndLength(args.kernelSize, "number", 1, 2)) {
            throw new ValueError("Conv2D expects config.kernelSize to be number or number[] with " + "length 1 or 2, but received ".concat(JSON.stringify(args.kernelSize), "."));
          }
        };
        return Conv2D2;
      })(Conv)
    );
    Conv2D.className = "Conv2D";
    tfc.serialization.registerClass(Conv2D);
    var Conv3D = (
      /** @class */
      (function(_super) {
        __extends(Conv3D2, _super);
        function Conv3D2(args) {
          var _this = _super.call(this, 3, args) || this;
          Conv3D2.verifyArgs(args);
          return _this;
        }
        Conv3D2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          delete config["rank"];
          return config;
        };
        Conv3D2.verifyArgs = function(args) {
          if (typeof args.kernelSize !== "number") {
            if (!(Array.isArray(args.kernelSize) && (args.kernelSize.length === 1 || args.kernelSize.length === 3))) {
              throw new ValueError("Conv3D expects config.kernelSize to be number or" + " [number, number, number], but received ".concat(JSON.stringify(args.kernelSize), "."));
            }
          }
        };
        return Conv3D2;
      })(Conv)
    );
    Conv3D.className = "Conv3D";
    tfc.serialization.registerClass(Conv3D);
    var Conv2DTranspose = (
      /** @class */
      (function(_super) {
        __extends(Conv2DTranspose2, _super);
        function Conv2DTranspose2(args) {
          var _this = _super.call(this, args) || this;
          _this.inputSpec = [new InputSpec({ ndim: 4 })];
          if (_this.padding !== "same" && _this.padding !== "valid") {
            throw new ValueError("Conv2DTranspose currently supports only padding modes 'same' " + "and 'valid', but received padding mode ".concat(_this.padding));
          }
          return _this;
        }
        Conv2DTranspose2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          if (inputShape.length !== 4) {
            throw new ValueError("Input should have rank 4; Received input shape: " + JSON.stringify(inputShape));
          }
          var channelAxis = this.dataFormat === "channelsFirst" ? 1 : inputShape.length - 1;
          if (inputShape[channelAxis] == null) {
            throw new ValueError("The channel dimension of the inputs should be defined. Found `None`.");
          }
          var inputDim = inputShape[channelAxis];
          var kernelShape = this.kernelSize.concat([this.filters, inputDim]);
          this.kernel = this.addWeight("kernel", kernelShape, "float32", this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [this.filters], "float32", this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          }
          this.inputSpec = [new InputSpec({ ndim: 4, axes: (_a2 = {}, _a2[channelAxis] = inputDim, _a2) })];
          this.built = true;
        };
        Conv2DTranspose2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            if (input2.shape.length !== 4) {
              throw new ValueError("Conv2DTranspose.call() expects input tensor to be rank-4, but " + "received a tensor of rank-".concat(input2.shape.length));
            }
            var inputShape = input2.shape;
            var batchSize = inputShape[0];
            var hAxis;
            var wAxis;
            if (_this.dataFormat === "channelsFirst") {
              hAxis = 2;
              wAxis = 3;
            } else {
              hAxis = 1;
              wAxis = 2;
            }
            var height = inputShape[hAxis];
            var width = inputShape[wAxis];
            var kernelH = _this.kernelSize[0];
            var kernelW = _this.kernelSize[1];
            var strideH = _this.strides[0];
            var strideW = _this.strides[1];
            var outHeight = deconvLength(height, strideH, kernelH, _this.padding);
            var outWidth = deconvLength(width, strideW, kernelW, _this.padding);
            var outputShape = [batchSize, outHeight, outWidth, _this.filters];
            if (_this.dataFormat !== "channelsLast") {
              input2 = tfc__namespace.transpose(input2, [0, 2, 3, 1]);
            }
            var outputs = tfc__namespace.conv2dTranspose(input2, _this.kernel.read(), outputShape, _this.strides, _this.padding);
            if (_this.dataFormat !== "channelsLast") {
              outputs = tfc__namespace.transpose(outputs, [0, 3, 1, 2]);
            }
            if (_this.bias != null) {
              outputs = biasAdd(outputs, _this.bias.read(), _this.dataFormat);
            }
            if (_this.activation != null) {
              outputs = _this.activation.apply(outputs);
            }
            return outputs;
          });
        };
        Conv2DTranspose2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var outputShape = inputShape.slice();
          var channelAxis;
          var heightAxis;
          var widthAxis;
          if (this.dataFormat === "channelsFirst") {
            channelAxis = 1;
            heightAxis = 2;
            widthAxis = 3;
          } else {
            channelAxis = 3;
            heightAxis = 1;
            widthAxis = 2;
          }
          var kernelH = this.kernelSize[0];
          var kernelW = this.kernelSize[1];
          var strideH = this.strides[0];
          var strideW = this.strides[1];
          outputShape[channelAxis] = this.filters;
          outputShape[heightAxis] = deconvLength(outputShape[heightAxis], strideH, kernelH, this.padding);
          outputShape[widthAxis] = deconvLength(outputShape[widthAxis], strideW, kernelW, this.padding);
          return outputShape;
        };
        Conv2DTranspose2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          delete config["dilationRate"];
          return config;
        };
        return Conv2DTranspose2;
      })(Conv2D)
    );
    Conv2DTranspose.className = "Conv2DTranspose";
    tfc.serialization.registerClass(Conv2DTranspose);
    var Conv3DTranspose = (
      /** @class */
      (function(_super) {
        __extends(Conv3DTranspose2, _super);
        function Conv3DTranspose2(args) {
          var _this = _super.call(this, args) || this;
          _this.inputSpec = [new InputSpec({ ndim: 5 })];
          if (_this.padding !== "same" && _this.padding !== "valid") {
            throw new ValueError("Conv3DTranspose currently supports only padding modes 'same' " + "and 'valid', but received padding mode ".concat(_this.padding));
          }
          return _this;
        }
        Conv3DTranspose2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          if (inputShape.length !== 5) {
            throw new ValueError("Input should have rank 5; Received input shape: " + JSON.stringify(inputShape));
          }
          var channelAxis = this.dataFormat === "channelsFirst" ? 1 : inputShape.length - 1;
          if (inputShape[channelAxis] == null) {
            throw new ValueError("The channel dimension of the inputs should be defined. Found `None`.");
          }
          var inputDim = inputShape[channelAxis];
          var kernelShape = this.kernelSize.concat([this.filters, inputDim]);
          this.kernel = this.addWeight("kernel", kernelShape, "float32", this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [this.filters], "float32", this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          }
          this.inputSpec = [new InputSpec({ ndim: 5, axes: (_a2 = {}, _a2[channelAxis] = inputDim, _a2) })];
          this.built = true;
        };
        Conv3DTranspose2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            if (input2.shape.length !== 5) {
              throw new ValueError("Conv3DTranspose.call() expects input tensor to be rank-4, but " + "received a tensor of rank-".concat(input2.shape.length));
            }
            var inputShape = input2.shape;
            var batchSize = inputShape[0];
            var hAxis;
            var wAxis;
            var dAxis;
            if (_this.dataFormat === "channelsFirst") {
              dAxis = 2;
              hAxis = 3;
              wAxis = 4;
            } else {
              dAxis = 1;
              hAxis = 2;
              wAxis = 3;
            }
            var depth = inputShape[dAxis];
            var height = inputShape[hAxis];
            var width = inputShape[wAxis];
            var kernelD = _this.kernelSize[0];
            var kernelH = _this.kernelSize[1];
            var kernelW = _this.kernelSize[2];
            var strideD = _this.strides[0];
            var strideH = _this.strides[1];
            var strideW = _this.strides[2];
            var outDepth = deconvLength(depth, strideD, kernelD, _this.padding);
            var outHeight = deconvLength(height, strideH, kernelH, _this.padding);
            var outWidth = deconvLength(width, strideW, kernelW, _this.padding);
            var outputShape = [batchSize, outDepth, outHeight, outWidth, _this.filters];
            if (_this.dataFormat !== "channelsLast") {
              input2 = tfc__namespace.transpose(input2, [0, 2, 3, 4, 1]);
            }
            var outputs = tfc__namespace.conv3dTranspose(input2, _this.kernel.read(), outputShape, _this.strides, _this.padding);
            if (_this.dataFormat !== "channelsLast") {
              outputs = tfc__namespace.transpose(outputs, [0, 4, 1, 2, 3]);
            }
            if (_this.bias !== null) {
              outputs = biasAdd(outputs, _this.bias.read(), _this.dataFormat);
            }
            if (_this.activation !== null) {
              outputs = _this.activation.apply(outputs);
            }
            return outputs;
          });
        };
        Conv3DTranspose2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var outputShape = inputShape.slice();
          var channelAxis;
          var depthAxis;
          var heightAxis;
          var widthAxis;
          if (this.dataFormat === "channelsFirst") {
            channelAxis = 1;
            depthAxis = 2;
            heightAxis = 3;
            widthAxis = 4;
          } else {
            channelAxis = 4;
            depthAxis = 1;
            heightAxis = 2;
            widthAxis = 3;
          }
          var kernelD = this.kernelSize[0];
          var kernelH = this.kernelSize[1];
          var kernelW = this.kernelSize[2];
          var strideD = this.strides[0];
          var strideH = this.strides[1];
          var strideW = this.strides[2];
          outputShape[channelAxis] = this.filters;
          outputShape[depthAxis] = deconvLength(outputShape[depthAxis], strideD, kernelD, this.padding);
          outputShape[heightAxis] = deconvLength(outputShape[heightAxis], strideH, kernelH, this.padding);
          outputShape[widthAxis] = deconvLength(outputShape[widthAxis], strideW, kernelW, this.padding);
          return outputShape;
        };
        Conv3DTranspose2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          delete config["dilationRate"];
          return config;
        };
        return Conv3DTranspose2;
      })(Conv3D)
    );
    Conv3DTranspose.className = "Conv3DTranspose";
    tfc.serialization.registerClass(Conv3DTranspose);
    var SeparableConv = (
      /** @class */
      (function(_super) {
        __extends(SeparableConv2, _super);
        function SeparableConv2(rank, config) {
          var _this = _super.call(this, rank, config) || this;
          _this.DEFAULT_DEPTHWISE_INITIALIZER = "glorotUniform";
          _this.DEFAULT_POINTWISE_INITIALIZER = "glorotUniform";
          _this.depthwiseKernel = null;
          _this.pointwiseKernel = null;
          if (config.filters == null) {
            throw new ValueError("The `filters` configuration field is required by SeparableConv, but is unspecified.");
          }
          if (config.kernelInitializer != null || config.kernelRegularizer != null || config.kernelConstraint != null) {
            throw new ValueError("Fields kernelInitializer, kernelRegularizer and kernelConstraint are invalid for SeparableConv2D. Use depthwiseInitializer, depthwiseRegularizer, depthwiseConstraint, pointwiseInitializer, pointwiseRegularizer and pointwiseConstraint instead.");
          }
          if (config.padding != null && config.padding !== "same" && config.padding !== "valid") {
            throw new ValueError("SeparableConv".concat(_this.rank, "D supports only padding modes: ") + "'same' and 'valid', but received ".concat(JSON.stringify(config.padding)));
          }
          _this.depthMultiplier = config.depthMultiplier == null ? 1 : config.depthMultiplier;
          _this.depthwiseInitializer = getInitializer(config.depthwiseInitializer || _this.DEFAULT_DEPTHWISE_INITIALIZER);
          _this.depthwiseRegularizer = getRegularizer(config.depthwiseRegularizer);
          _this.depthwiseConstraint = getConstraint(config.depthwiseConstraint);
          _this.pointwiseInitializer = getInitializer(config.depthwiseInitializer || _this.DEFAULT_POINTWISE_INITIALIZER);
          _this.pointwiseRegularizer = getRegularizer(config.pointwiseRegularizer);
          _this.pointwiseConstraint = getConstraint(config.pointwiseConstraint);
          return _this;
        }
        SeparableConv2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          if (inputShape.length < this.rank + 2) {
            throw new ValueError("Inputs to SeparableConv".concat(this.rank, "D should have rank ") + "".concat(this.rank + 2, ", but received input shape: ") + "".concat(JSON.stringify(inputShape)));
          }
          var channelAxis = this.dataFormat === "channelsFirst" ? 1 : inputShape.length - 1;
          if (inputShape[channelAxis] == null || inputShape[channelAxis] < 0) {
            throw new ValueError("The channel dimension of the inputs should be defined, " + "but found ".concat(JSON.stringify(inputShape[channelAxis])));
          }
          var inputDim = inputShape[channelAxis];
          var depthwiseKernelShape = this.kernelSize.concat([inputDim, this.depthMultiplier]);
          var pointwiseKernelShape = [];
          for (var i = 0; i < this.rank; ++i) {
            pointwiseKernelShape.push(1);
          }
          pointwiseKernelShape.push(inputDim * this.depthMultiplier, this.filters);
          var trainable = true;
          this.depthwiseKernel = this.addWeight("depthwise_kernel", depthwiseKernelShape, "float32", this.depthwiseInitializer, this.depthwiseRegularizer, trainable, this.depthwiseConstraint);
          this.pointwiseKernel = this.addWeight("pointwise_kernel", pointwiseKernelShape, "float32", this.pointwiseInitializer, this.pointwiseRegularizer, trainable, this.pointwiseConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [this.filters], "float32", this.biasInitializer, this.biasRegularizer, trainable, this.biasConstraint);
          } else {
            this.bias = null;
          }
          this.inputSpec = [new InputSpec({ ndim: this.rank + 2, axes: (_a2 = {}, _a2[channelAxis] = inputDim, _a2) })];
          this.built = true;
        };
        SeparableConv2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            var output;
            if (_this.rank === 1) {
              throw new NotImplementedError("1D separable convolution is not implemented yet.");
            } else if (_this.rank === 2) {
              if (_this.dataFormat === "channelsFirst") {
                inputs = tfc__namespace.transpose(inputs, [0, 2, 3, 1]);
              }
              output = tfc__namespace.separableConv2d(inputs, _this.depthwiseKernel.read(), _this.pointwiseKernel.read(), _this.strides, _this.padding, _this.dilationRate, "NHWC");
            }
            if (_this.useBias) {
              output = biasAdd(output, _this.bias.read(), _this.dataFormat);
            }
            if (_this.activation != null) {
              output = _this.activation.apply(output);
            }
            if (_this.dataFormat === "channelsFirst") {
              output = tfc__namespace.transpose(output, [0, 3, 1, 2]);
            }
            return output;
          });
        };
        SeparableConv2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          delete config["rank"];
          delete config["kernelInitializer"];
          delete config["kernelRegularizer"];
          delete config["kernelConstraint"];
          config["depthwiseInitializer"] = serializeInitializer(this.depthwiseInitializer);
          config["pointwiseInitializer"] = serializeInitializer(this.pointwiseInitializer);
          config["depthwiseRegularizer"] = serializeRegularizer(this.depthwiseRegularizer);
          config["pointwiseRegularizer"] = serializeRegularizer(this.pointwiseRegularizer);
          config["depthwiseConstraint"] = serializeConstraint(this.depthwiseConstraint);
          config["pointwiseConstraint"] = serializeConstraint(this.pointwiseConstraint);
          return config;
        };
        return SeparableConv2;
      })(Conv)
    );
    SeparableConv.className = "SeparableConv";
    var SeparableConv2D = (
      /** @class */
      (function(_super) {
        __extends(SeparableConv2D2, _super);
        function SeparableConv2D2(args) {
          return _super.call(this, 2, args) || this;
        }
        return SeparableConv2D2;
      })(SeparableConv)
    );
    SeparableConv2D.className = "SeparableConv2D";
    tfc.serialization.registerClass(SeparableConv2D);
    var Conv1D = (
      /** @class */
      (function(_super) {
        __extends(Conv1D2, _super);
        function Conv1D2(args) {
          var _this = _super.call(this, 1, args) || this;
          Conv1D2.verifyArgs(args);
          _this.inputSpec = [{ ndim: 3 }];
          return _this;
        }
        Conv1D2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          delete config["rank"];
          delete config["dataFormat"];
          return config;
        };
        Conv1D2.verifyArgs = function(args) {
          if (typeof args.kernelSize !== "number" && !checkArrayTypeAndLength(args.kernelSize, "number", 1, 1)) {
            throw new ValueError("Conv1D expects config.kernelSize to be number or number[] with " + "length 1, but received ".concat(JSON.stringify(args.kernelSize), "."));
          }
        };
        return Conv1D2;
      })(Conv)
    );
    Conv1D.className = "Conv1D";
    tfc.serialization.registerClass(Conv1D);
    var Cropping2D = (
      /** @class */
      (function(_super) {
        __extends(Cropping2D2, _super);
        function Cropping2D2(args) {
          var _this = _super.call(this, args) || this;
          if (typeof args.cropping === "number") {
            _this.cropping = [[args.cropping, args.cropping], [args.cropping, args.cropping]];
          } else if (typeof args.cropping[0] === "number") {
            _this.cropping = [
              [args.cropping[0], args.cropping[0]],
              [args.cropping[1], args.cropping[1]]
            ];
          } else {
            _this.cropping = args.cropping;
          }
          _this.dataFormat = args.dataFormat === void 0 ? "channelsLast" : args.dataFormat;
          _this.inputSpec = [{ ndim: 4 }];
          return _this;
        }
        Cropping2D2.prototype.computeOutputShape = function(inputShape) {
          if (this.dataFormat === "channelsFirst") {
            return [
              inputShape[0],
              inputShape[1],
              inputShape[2] - this.cropping[0][0] - this.cropping[0][1],
              inputShape[3] - this.cropping[1][0] - this.cropping[1][1]
            ];
          } else {
            return [
              inputShape[0],
              inputShape[1] - this.cropping[0][0] - this.cropping[0][1],
              inputShape[2] - this.cropping[1][0] - this.cropping[1][1],
              inputShape[3]
            ];
          }
        };
        Cropping2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            if (_this.dataFormat === "channelsLast") {
              var hSliced = sliceAlongAxis(inputs, _this.cropping[0][0], inputs.shape[1] - _this.cropping[0][0] - _this.cropping[0][1], 2);
              return sliceAlongAxis(hSliced, _this.cropping[1][0], inputs.shape[2] - _this.cropping[1][1] - _this.cropping[1][0], 3);
            } else {
              var hSliced = sliceAlongAxis(inputs, _this.cropping[0][0], inputs.shape[2] - _this.cropping[0][0] - _this.cropping[0][1], 3);
              return sliceAlongAxis(hSliced, _this.cropping[1][0], inputs.shape[3] - _this.cropping[1][1] - _this.cropping[1][0], 4);
            }
          });
        };
        Cropping2D2.prototype.getConfig = function() {
          var config = { cropping: this.cropping, dataFormat: this.dataFormat };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Cropping2D2;
      })(Layer)
    );
    Cropping2D.className = "Cropping2D";
    tfc.serialization.registerClass(Cropping2D);
    var UpSampling2D = (
      /** @class */
      (function(_super) {
        __extends(UpSampling2D2, _super);
        function UpSampling2D2(args) {
          var _this = _super.call(this, args) || this;
          _this.DEFAULT_SIZE = [2, 2];
          _this.inputSpec = [{ ndim: 4 }];
          _this.size = args.size == null ? _this.DEFAULT_SIZE : args.size;
          _this.dataFormat = args.dataFormat == null ? "channelsLast" : args.dataFormat;
          checkDataFormat(_this.dataFormat);
          _this.interpolation = args.interpolation == null ? "nearest" : args.interpolation;
          checkInterpolationFormat(_this.interpolation);
          return _this;
        }
        UpSampling2D2.prototype.computeOutputShape = function(inputShape) {
          if (this.dataFormat === "channelsFirst") {
            var height = inputShape[2] == null ? null : this.size[0] * inputShape[2];
            var width = inputShape[3] == null ? null : this.size[1] * inputShape[3];
            return [inputShape[0], inputShape[1], height, width];
          } else {
            var height = inputShape[1] == null ? null : this.size[0] * inputShape[1];
            var width = inputShape[2] == null ? null : this.size[1] * inputShape[2];
            return [inputShape[0], height, width, inputShape[3]];
          }
        };
        UpSampling2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            var inputShape = input2.shape;
            if (_this.dataFormat === "channelsFirst") {
              input2 = tfc__namespace.transpose(input2, [0, 2, 3, 1]);
              var height = _this.size[0] * inputShape[2];
              var width = _this.size[1] * inputShape[3];
              var resized = _this.interpolation === "nearest" ? tfc__namespace.image.resizeNearestNeighbor(input2, [height, width]) : tfc__namespace.image.resizeBilinear(input2, [height, width]);
              return tfc__namespace.transpose(resized, [0, 3, 1, 2]);
            } else {
              var height = _this.size[0] * inputShape[1];
              var width = _this.size[1] * inputShape[2];
              return _this.interpolation === "nearest" ? tfc__namespace.image.resizeNearestNeighbor(input2, [height, width]) : tfc__namespace.image.resizeBilinear(input2, [height, width]);
            }
          });
        };
        UpSampling2D2.prototype.getConfig = function() {
          var config = {
            size: this.size,
            dataFormat: this.dataFormat,
            interpolation: this.interpolation
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return UpSampling2D2;
      })(Layer)
    );
    UpSampling2D.className = "UpSampling2D";
    tfc.serialization.registerClass(UpSampling2D);
    function depthwiseConv2d$1(x, depthwiseKernel, strides, padding, dataFormat, dilationRate) {
      if (strides === void 0) {
        strides = [1, 1];
      }
      if (padding === void 0) {
        padding = "valid";
      }
      return tfc.tidy(function() {
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        checkDataFormat(dataFormat);
        var y = preprocessConv2DInput(x, dataFormat);
        if (x.rank !== 4) {
          throw new ValueError("Input for depthwiseConv2d is required to be 4-D, but is instead " + "".concat(x.rank, "-D"));
        }
        if (depthwiseKernel.rank !== 4) {
          throw new ValueError("depthwiseKernel is required to be 4-D, but is instead " + "".concat(depthwiseKernel.rank, "-D"));
        }
        y = tfc__namespace.depthwiseConv2d(y, depthwiseKernel, strides, padding === "same" ? "same" : "valid", "NHWC", dilationRate);
        if (dataFormat === "channelsFirst") {
          y = tfc__namespace.transpose(y, [0, 3, 1, 2]);
        }
        return y;
      });
    }
    var DepthwiseConv2D = (
      /** @class */
      (function(_super) {
        __extends(DepthwiseConv2D2, _super);
        function DepthwiseConv2D2(args) {
          var _this = _super.call(this, 2, args) || this;
          _this.depthwiseKernel = null;
          _this.depthMultiplier = args.depthMultiplier == null ? 1 : args.depthMultiplier;
          _this.depthwiseInitializer = getInitializer(args.depthwiseInitializer || _this.DEFAULT_KERNEL_INITIALIZER);
          _this.depthwiseConstraint = getConstraint(args.depthwiseConstraint);
          _this.depthwiseRegularizer = getRegularizer(args.depthwiseRegularizer);
          return _this;
        }
        DepthwiseConv2D2.prototype.build = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          if (inputShape.length < 4) {
            throw new ValueError("Inputs to DepthwiseConv2D should have rank 4. " + "Received input shape: ".concat(JSON.stringify(inputShape), "."));
          }
          var channelAxis = this.dataFormat === "channelsFirst" ? 1 : 3;
          if (inputShape[channelAxis] == null || inputShape[channelAxis] < 0) {
            throw new ValueError("The channel dimension of the inputs to DepthwiseConv2D should " + "be defined, but is not (".concat(inputShape[channelAxis], ")."));
          }
          var inputDim = inputShape[channelAxis];
          var depthwiseKernelShape = [
            this.kernelSize[0],
            this.kernelSize[1],
            inputDim,
            this.depthMultiplier
          ];
          this.depthwiseKernel = this.addWeight("depthwise_kernel", depthwiseKernelShape, null, this.depthwiseInitializer, this.depthwiseRegularizer, true, this.depthwiseConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [inputDim * this.depthMultiplier], null, this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          } else {
            this.bias = null;
          }
          this.built = true;
        };
        DepthwiseConv2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            var outputs = depthwiseConv2d$1(inputs, _this.depthwiseKernel.read(), _this.strides, _this.padding, _this.dataFormat, null);
            if (_this.useBias) {
              outputs = biasAdd(outputs, _this.bias.read(), _this.dataFormat);
            }
            if (_this.activation != null) {
              outputs = _this.activation.apply(outputs);
            }
            return outputs;
          });
        };
        DepthwiseConv2D2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var rows = this.dataFormat === "channelsFirst" ? inputShape[2] : inputShape[1];
          var cols = this.dataFormat === "channelsFirst" ? inputShape[3] : inputShape[2];
          var outFilters = this.dataFormat === "channelsFirst" ? inputShape[1] * this.depthMultiplier : inputShape[3] * this.depthMultiplier;
          var outRows = convOutputLength(rows, this.kernelSize[0], this.padding, this.strides[0]);
          var outCols = convOutputLength(cols, this.kernelSize[1], this.padding, this.strides[1]);
          if (this.dataFormat === "channelsFirst") {
            return [inputShape[0], outFilters, outRows, outCols];
          } else {
            return [inputShape[0], outRows, outCols, outFilters];
          }
        };
        DepthwiseConv2D2.prototype.getConfig = function() {
          var config = _super.prototype.getConfig.call(this);
          config["depthMultiplier"] = this.depthMultiplier;
          config["depthwiseInitializer"] = serializeInitializer(this.depthwiseInitializer);
          config["depthwiseRegularizer"] = serializeRegularizer(this.depthwiseRegularizer);
          config["depthwiseConstraint"] = serializeConstraint(this.depthwiseRegularizer);
          return config;
        };
        return DepthwiseConv2D2;
      })(BaseConv)
    );
    DepthwiseConv2D.className = "DepthwiseConv2D";
    tfc.serialization.registerClass(DepthwiseConv2D);
    function standardizeArgs(inputs, initialState, constants, numConstants) {
      if (Array.isArray(inputs)) {
        if (initialState != null || constants != null) {
          throw new ValueError("When inputs is an array, neither initialState or constants should be provided");
        }
        if (numConstants != null) {
          constants = inputs.slice(inputs.length - numConstants, inputs.length);
          inputs = inputs.slice(0, inputs.length - numConstants);
        }
        if (inputs.length > 1) {
          initialState = inputs.slice(1, inputs.length);
        }
        inputs = inputs[0];
      }
      function toListOrNull(x) {
        if (x == null || Array.isArray(x)) {
          return x;
        } else {
          return [x];
        }
      }
      initialState = toListOrNull(initialState);
      constants = toListOrNull(constants);
      return { inputs, initialState, constants };
    }
    function rnn$1(stepFunction, inputs, initialStates, goBackwards, mask, constants, unroll, needPerStepOutputs) {
      if (goBackwards === void 0) {
        goBackwards = false;
      }
      if (unroll === void 0) {
        unroll = false;
      }
      if (needPerStepOutputs === void 0) {
        needPerStepOutputs = false;
      }
      return tfc__namespace.tidy(function() {
        var ndim = inputs.shape.length;
        if (ndim < 3) {
          throw new ValueError("Input should be at least 3D, but is ".concat(ndim, "D."));
        }
        var axes = [1, 0].concat(range(2, ndim));
        inputs = tfc__namespace.transpose(inputs, axes);
        if (constants != null) {
          throw new NotImplementedError("The rnn() functoin of the deeplearn.js backend does not support constants yet.");
        }
        if (unroll) {
          console.warn("Backend rnn(): the unroll = true option is not applicable to the imperative deeplearn.js backend.");
        }
        if (mask != null) {
          mask = tfc__namespace.cast(tfc__namespace.cast(mask, "bool"), "float32");
          if (mask.rank === ndim - 1) {
            mask = tfc__namespace.expandDims(mask, -1);
          }
          mask = tfc__namespace.transpose(mask, axes);
        }
        if (goBackwards) {
          inputs = tfc__namespace.reverse(inputs, 0);
          if (mask != null) {
            mask = tfc__namespace.reverse(mask, 0);
          }
        }
        var perStepOutputs = [];
        var lastOutput;
        var states = initialStates;
        var timeSteps = inputs.shape[0];
        var perStepInputs = tfc__namespace.unstack(inputs);
        var perStepMasks;
        if (mask != null) {
          perStepMasks = tfc__namespace.unstack(mask);
        }
        var _loop_1 = function(t2) {
          var currentInput = perStepInputs[t2];
          var stepOutputs = tfc__namespace.tidy(function() {
            return stepFunction(currentInput, states);
          });
          if (mask == null) {
            lastOutput = stepOutputs[0];
            states = stepOutputs[1];
          } else {
            var maskedOutputs = tfc__namespace.tidy(function() {
              var stepMask = perStepMasks[t2];
              var negStepMask = tfc__namespace.sub(tfc__namespace.onesLike(stepMask), stepMask);
              var output = tfc__namespace.add(tfc__namespace.mul(stepOutputs[0], stepMask), tfc__namespace.mul(states[0], negStepMask));
              var newStates = states.map(function(state, i) {
                return tfc__namespace.add(tfc__namespace.mul(stepOutputs[1][i], stepMask), tfc__namespace.mul(state, negStepMask));
              });
              return { output, newStates };
            });
            lastOutput = maskedOutputs.output;
            states = maskedOutputs.newStates;
          }
          if (needPerStepOutputs) {
            perStepOutputs.push(lastOutput);
          }
        };
        for (var t = 0; t < timeSteps; ++t) {
          _loop_1(t);
        }
        var outputs;
        if (needPerStepOutputs) {
          var axis = 1;
          outputs = tfc__namespace.stack(perStepOutputs, axis);
        }
        return [lastOutput, outputs, states];
      });
    }
    var RNN = (
      /** @class */
      (function(_super) {
        __extends(RNN2, _super);
        function RNN2(args) {
          var _this = _super.call(this, args) || this;
          var cell;
          if (args.cell == null) {
            throw new ValueError("cell property is missing for the constructor of RNN.");
          } else if (Array.isArray(args.cell)) {
            cell = new StackedRNNCells({ cells: args.cell });
          } else {
            cell = args.cell;
          }
          if (cell.stateSize == null) {
            throw new ValueError("The RNN cell should have an attribute `stateSize` (tuple of integers, one integer per RNN state).");
          }
          _this.cell = cell;
          _this.returnSequences = args.returnSequences == null ? false : args.returnSequences;
          _this.returnState = args.returnState == null ? false : args.returnState;
          _this.goBackwards = args.goBackwards == null ? false : args.goBackwards;
          _this._stateful = args.stateful == null ? false : args.stateful;
          _this.unroll = args.unroll == null ? false : args.unroll;
          _this.supportsMasking = true;
          _this.inputSpec = [new InputSpec({ ndim: 3 })];
          _this.stateSpec = null;
          _this.states_ = null;
          _this.numConstants = null;
          _this.keptStates = [];
          return _this;
        }
        RNN2.prototype.getStates = function() {
          if (this.states_ == null) {
            var numStates = Array.isArray(this.cell.stateSize) ? this.cell.stateSize.length : 1;
            return range(0, numStates).map(function(x) {
              return null;
            });
          } else {
            return this.states_;
          }
        };
        RNN2.prototype.setStates = function(states) {
          this.states_ = states;
        };
        RNN2.prototype.computeOutputShape = function(inputShape) {
          var e_12, _b;
          if (isArrayOfShapes(inputShape)) {
            inputShape = inputShape[0];
          }
          inputShape = inputShape;
          var stateSize = this.cell.stateSize;
          if (!Array.isArray(stateSize)) {
            stateSize = [stateSize];
          }
          var outputDim = stateSize[0];
          var outputShape;
          if (this.returnSequences) {
            outputShape = [inputShape[0], inputShape[1], outputDim];
          } else {
            outputShape = [inputShape[0], outputDim];
          }
          if (this.returnState) {
            var stateShape = [];
            try {
              for (var stateSize_1 = __values(stateSize), stateSize_1_1 = stateSize_1.next(); !stateSize_1_1.done; stateSize_1_1 = stateSize_1.next()) {
                var dim = stateSize_1_1.value;
                stateShape.push([inputShape[0], dim]);
              }
            } catch (e_1_1) {
              e_12 = { error: e_1_1 };
            } finally {
              try {
                if (stateSize_1_1 && !stateSize_1_1.done && (_b = stateSize_1.return)) _b.call(stateSize_1);
              } finally {
                if (e_12) throw e_12.error;
              }
            }
            return [outputShape].concat(stateShape);
          } else {
            return outputShape;
          }
        };
        RNN2.prototype.computeMask = function(inputs, mask) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            if (Array.isArray(mask)) {
              mask = mask[0];
            }
            var outputMask = _this.returnSequences ? mask : null;
            if (_this.returnState) {
              var stateMask = _this.states.map(function(s) {
                return null;
              });
              return [outputMask].concat(stateMask);
            } else {
              return outputMask;
            }
          });
        };
        Object.defineProperty(RNN2.prototype, "states", {
          /**
           * Get the current state tensors of the RNN.
           *
           * If the state hasn't been set, return an array of `null`s of the correct
           * length.
           */
          get: function() {
            if (this.states_ == null) {
              var numStates = Array.isArray(this.cell.stateSize) ? this.cell.stateSize.length : 1;
              var output = [];
              for (var i = 0; i < numStates; ++i) {
                output.push(null);
              }
              return output;
            } else {
              return this.states_;
            }
          },
          set: function(s) {
            this.states_ = s;
          },
          enumerable: false,
          configurable: true
        });
        RNN2.prototype.build = function(inputShape) {
          if (this.numConstants != null) {
            throw new NotImplementedError("Constants support is not implemented in RNN yet.");
          }
          if (isArrayOfShapes(inputShape)) {
            inputShape = inputShape[0];
          }
          inputShape = inputShape;
          var batchSize = this.stateful ? inputShape[0] : null;
          var inputDim = inputShape.slice(2);
          this.inputSpec[0] = new InputSpec({ shape: __spreadArray([batchSize, null], __read(inputDim), false) });
          var stepInputShape = [inputShape[0]].concat(inputShape.slice(2));
          {
            this.cell.build(stepInputShape);
          }
          var stateSize;
          if (Array.isArray(this.cell.stateSize)) {
            stateSize = this.cell.stateSize;
          } else {
            stateSize = [this.cell.stateSize];
          }
          if (this.stateSpec != null) {
            if (!tfc.util.arraysEqual(this.stateSpec.map(function(spec) {
              return spec.shape[spec.shape.length - 1];
            }), stateSize)) {
              throw new ValueError("An initialState was passed that is not compatible with " + "cell.stateSize. Received stateSpec=".concat(this.stateSpec, "; ") + "However cell.stateSize is ".concat(this.cell.stateSize));
            }
          } else {
            this.stateSpec = stateSize.map(function(dim) {
              return new InputSpec({ shape: [null, dim] });
            });
          }
          if (this.stateful) {
            this.resetStates();
          }
        };
        RNN2.prototype.resetStates = function(states, training) {
          var _this = this;
          if (training === void 0) {
            training = false;
          }
          tfc.tidy(function() {
            if (!_this.stateful) {
              throw new AttributeError("Cannot call resetStates() on an RNN Layer that is not stateful.");
            }
            var batchSize = _this.inputSpec[0].shape[0];
            if (batchSize == null) {
              throw new ValueError("If an RNN is stateful, it needs to know its batch size. Specify the batch size of your input tensors: \n- If using a Sequential model, specify the batch size by passing a `batchInputShape` option to your first layer.\n- If using the functional API, specify the batch size by passing a `batchShape` option to your Input layer.");
            }
            if (_this.states_ == null) {
              if (Array.isArray(_this.cell.stateSize)) {
                _this.states_ = _this.cell.stateSize.map(function(dim2) {
                  return tfc__namespace.zeros([batchSize, dim2]);
                });
              } else {
                _this.states_ = [tfc__namespace.zeros([batchSize, _this.cell.stateSize])];
              }
            } else if (states == null) {
              tfc__namespace.dispose(_this.states_);
              if (_this.keptStates != null) {
                tfc__namespace.dispose(_this.keptStates);
                _this.keptStates = [];
              }
              if (Array.isArray(_this.cell.stateSize)) {
                _this.states_ = _this.cell.stateSize.map(function(dim2) {
                  return tfc__namespace.zeros([batchSize, dim2]);
                });
              } else {
                _this.states_[0] = tfc__namespace.zeros([batchSize, _this.cell.stateSize]);
              }
            } else {
              if (!Array.isArray(states)) {
                states = [states];
              }
              if (states.length !== _this.states_.length) {
                throw new ValueError("Layer ".concat(_this.name, " expects ").concat(_this.states_.length, " state(s), ") + "but it received ".concat(states.length, " state value(s). Input ") + "received: ".concat(states));
              }
              if (training === true) {
                _this.keptStates.push(_this.states_.slice());
              } else {
                tfc__namespace.dispose(_this.states_);
              }
              for (var index = 0; index < _this.states_.length; ++index) {
                var value = states[index];
                var dim = Array.isArray(_this.cell.stateSize) ? _this.cell.stateSize[index] : _this.cell.stateSize;
                var expectedShape = [batchSize, dim];
                if (!tfc.util.arraysEqual(value.shape, expectedShape)) {
                  throw new ValueError("State ".concat(index, " is incompatible with layer ").concat(_this.name, ": ") + "expected shape=".concat(expectedShape, ", received shape=").concat(value.shape));
                }
                _this.states_[index] = value;
              }
            }
            _this.states_ = _this.states_.map(function(state) {
              return tfc__namespace.keep(state.clone());
            });
          });
        };
        RNN2.prototype.apply = function(inputs, kwargs) {
          var e_2, _b;
          var initialState = kwargs == null ? null : kwargs["initialState"];
          var constants = kwargs == null ? null : kwargs["constants"];
          if (kwargs == null) {
            kwargs = {};
          }
          var standardized = standardizeArgs(inputs, initialState, constants, this.numConstants);
          inputs = standardized.inputs;
          initialState = standardized.initialState;
          constants = standardized.constants;
          var additionalInputs = [];
          var additionalSpecs = [];
          if (initialState != null) {
            kwargs["initialState"] = initialState;
            additionalInputs = additionalInputs.concat(initialState);
            this.stateSpec = [];
            try {
              for (var initialState_1 = __values(initialState), initialState_1_1 = initialState_1.next(); !initialState_1_1.done; initialState_1_1 = initialState_1.next()) {
                var state = initialState_1_1.value;
                this.stateSpec.push(new InputSpec({ shape: state.shape }));
              }
            } catch (e_2_1) {
              e_2 = { error: e_2_1 };
            } finally {
              try {
                if (initialState_1_1 && !initialState_1_1.done && (_b = initialState_1.return)) _b.call(initialState_1);
              } finally {
                if (e_2) throw e_2.error;
              }
            }
            additionalSpecs = additionalSpecs.concat(this.stateSpec);
          }
          if (constants != null) {
            kwargs["constants"] = constants;
            additionalInputs = additionalInputs.concat(constants);
            this.numConstants = constants.length;
          }
          var isTensor = additionalInputs[0] instanceof SymbolicTensor;
          if (isTensor) {
            var fullInput = [inputs].concat(additionalInputs);
            var fullInputSpec = this.inputSpec.concat(additionalSpecs);
            var originalInputSpec = this.inputSpec;
            this.inputSpec = fullInputSpec;
            var output = _super.prototype.apply.call(this, fullInput, kwargs);
            this.inputSpec = originalInputSpec;
            return output;
          } else {
            return _super.prototype.apply.call(this, inputs, kwargs);
          }
        };
        RNN2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var mask = kwargs == null ? null : kwargs["mask"];
            var training = kwargs == null ? null : kwargs["training"];
            var initialState = kwargs == null ? null : kwargs["initialState"];
            inputs = getExactlyOneTensor(inputs);
            if (initialState == null) {
              if (_this.stateful) {
                initialState = _this.states_;
              } else {
                initialState = _this.getInitialState(inputs);
              }
            }
            var numStates = Array.isArray(_this.cell.stateSize) ? _this.cell.stateSize.length : 1;
            if (initialState.length !== numStates) {
              throw new ValueError("RNN Layer has ".concat(numStates, " state(s) but was passed ") + "".concat(initialState.length, " initial state(s)."));
            }
            if (_this.unroll) {
              console.warn("Ignoring unroll = true for RNN layer, due to imperative backend.");
            }
            var cellCallKwargs = { training };
            var step2 = function(inputs2, states2) {
              var outputs2 = _this.cell.call([inputs2].concat(states2), cellCallKwargs);
              return [outputs2[0], outputs2.slice(1)];
            };
            var rnnOutputs = rnn$1(step2, inputs, initialState, _this.goBackwards, mask, null, _this.unroll, _this.returnSequences);
            var lastOutput = rnnOutputs[0];
            var outputs = rnnOutputs[1];
            var states = rnnOutputs[2];
            if (_this.stateful) {
              _this.resetStates(states, training);
            }
            var output = _this.returnSequences ? outputs : lastOutput;
            if (_this.returnState) {
              return [output].concat(states);
            } else {
              return output;
            }
          });
        };
        RNN2.prototype.getInitialState = function(inputs) {
          var _this = this;
          return tfc.tidy(function() {
            var initialState = tfc__namespace.zeros(inputs.shape);
            initialState = tfc__namespace.sum(initialState, [1, 2]);
            initialState = expandDims$1(initialState);
            if (Array.isArray(_this.cell.stateSize)) {
              return _this.cell.stateSize.map(function(dim) {
                return dim > 1 ? tile$1(initialState, [1, dim]) : initialState;
              });
            } else {
              return _this.cell.stateSize > 1 ? [tile$1(initialState, [1, _this.cell.stateSize])] : [initialState];
            }
          });
        };
        Object.defineProperty(RNN2.prototype, "trainableWeights", {
          get: function() {
            if (!this.trainable) {
              return [];
            }
            return this.cell.trainableWeights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(RNN2.prototype, "nonTrainableWeights", {
          get: function() {
            if (!this.trainable) {
              return this.cell.weights;
            }
            return this.cell.nonTrainableWeights;
          },
          enumerable: false,
          configurable: true
        });
        RNN2.prototype.setFastWeightInitDuringBuild = function(value) {
          _super.prototype.setFastWeightInitDuringBuild.call(this, value);
          if (this.cell != null) {
            this.cell.setFastWeightInitDuringBuild(value);
          }
        };
        RNN2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = {
            returnSequences: this.returnSequences,
            returnState: this.returnState,
            goBackwards: this.goBackwards,
            stateful: this.stateful,
            unroll: this.unroll
          };
          if (this.numConstants != null) {
            config["numConstants"] = this.numConstants;
          }
          var cellConfig = this.cell.getConfig();
          if (this.getClassName() === RNN2.className) {
            config["cell"] = {
              "className": this.cell.getClassName(),
              "config": cellConfig
            };
          }
          return Object.assign(Object.assign(Object.assign({}, cellConfig), baseConfig), config);
        };
        RNN2.fromConfig = function(cls, config, customObjects) {
          if (customObjects === void 0) {
            customObjects = {};
          }
          var cellConfig = config["cell"];
          var cell = deserialize(cellConfig, customObjects);
          return new cls(Object.assign(config, { cell }));
        };
        return RNN2;
      })(Layer)
    );
    RNN.className = "RNN";
    tfc.serialization.registerClass(RNN);
    var RNNCell = (
      /** @class */
      (function(_super) {
        __extends(RNNCell2, _super);
        function RNNCell2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        return RNNCell2;
      })(Layer)
    );
    var SimpleRNNCell = (
      /** @class */
      (function(_super) {
        __extends(SimpleRNNCell2, _super);
        function SimpleRNNCell2(args) {
          var _this = _super.call(this, args) || this;
          _this.DEFAULT_ACTIVATION = "tanh";
          _this.DEFAULT_KERNEL_INITIALIZER = "glorotNormal";
          _this.DEFAULT_RECURRENT_INITIALIZER = "orthogonal";
          _this.DEFAULT_BIAS_INITIALIZER = "zeros";
          _this.units = args.units;
          assertPositiveInteger(_this.units, "units");
          _this.activation = getActivation(args.activation == null ? _this.DEFAULT_ACTIVATION : args.activation);
          _this.useBias = args.useBias == null ? true : args.useBias;
          _this.kernelInitializer = getInitializer(args.kernelInitializer || _this.DEFAULT_KERNEL_INITIALIZER);
          _this.recurrentInitializer = getInitializer(args.recurrentInitializer || _this.DEFAULT_RECURRENT_INITIALIZER);
          _this.biasInitializer = getInitializer(args.biasInitializer || _this.DEFAULT_BIAS_INITIALIZER);
          _this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
          _this.recurrentRegularizer = getRegularizer(args.recurrentRegularizer);
          _this.biasRegularizer = getRegularizer(args.biasRegularizer);
          _this.kernelConstraint = getConstraint(args.kernelConstraint);
          _this.recurrentConstraint = getConstraint(args.recurrentConstraint);
          _this.biasConstraint = getConstraint(args.biasConstraint);
          _this.dropout = min([1, max([0, args.dropout == null ? 0 : args.dropout])]);
          _this.recurrentDropout = min([
            1,
            max([0, args.recurrentDropout == null ? 0 : args.recurrentDropout])
          ]);
          _this.dropoutFunc = args.dropoutFunc;
          _this.stateSize = _this.units;
          _this.dropoutMask = null;
          _this.recurrentDropoutMask = null;
          return _this;
        }
        SimpleRNNCell2.prototype.build = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          this.kernel = this.addWeight("kernel", [inputShape[inputShape.length - 1], this.units], null, this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          this.recurrentKernel = this.addWeight("recurrent_kernel", [this.units, this.units], null, this.recurrentInitializer, this.recurrentRegularizer, true, this.recurrentConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [this.units], null, this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          } else {
            this.bias = null;
          }
          this.built = true;
        };
        SimpleRNNCell2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = inputs;
            if (inputs.length !== 2) {
              throw new ValueError("SimpleRNNCell expects 2 input Tensors, got ".concat(inputs.length, "."));
            }
            var prevOutput = inputs[1];
            inputs = inputs[0];
            var training = kwargs["training"] == null ? false : kwargs["training"];
            if (0 < _this.dropout && _this.dropout < 1 && _this.dropoutMask == null) {
              _this.dropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(inputs);
                },
                rate: _this.dropout,
                training,
                dropoutFunc: _this.dropoutFunc
              });
            }
            if (0 < _this.recurrentDropout && _this.recurrentDropout < 1 && _this.recurrentDropoutMask == null) {
              _this.recurrentDropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(prevOutput);
                },
                rate: _this.recurrentDropout,
                training,
                dropoutFunc: _this.dropoutFunc
              });
            }
            var h;
            var dpMask = _this.dropoutMask;
            var recDpMask = _this.recurrentDropoutMask;
            if (dpMask != null) {
              h = dot$1(tfc__namespace.mul(inputs, dpMask), _this.kernel.read());
            } else {
              h = dot$1(inputs, _this.kernel.read());
            }
            if (_this.bias != null) {
              h = biasAdd(h, _this.bias.read());
            }
            if (recDpMask != null) {
              prevOutput = tfc__namespace.mul(prevOutput, recDpMask);
            }
            var output = tfc__namespace.add(h, dot$1(prevOutput, _this.recurrentKernel.read()));
            if (_this.activation != null) {
              output = _this.activation.apply(output);
            }
            return [output, output];
          });
        };
        SimpleRNNCell2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = {
            units: this.units,
            activation: serializeActivation(this.activation),
            useBias: this.useBias,
            kernelInitializer: serializeInitializer(this.kernelInitializer),
            recurrentInitializer: serializeInitializer(this.recurrentInitializer),
            biasInitializer: serializeInitializer(this.biasInitializer),
            kernelRegularizer: serializeRegularizer(this.kernelRegularizer),
            recurrentRegularizer: serializeRegularizer(this.recurrentRegularizer),
            biasRegularizer: serializeRegularizer(this.biasRegularizer),
            activityRegularizer: serializeRegularizer(this.activityRegularizer),
            kernelConstraint: serializeConstraint(this.kernelConstraint),
            recurrentConstraint: serializeConstraint(this.recurrentConstraint),
            biasConstraint: serializeConstraint(this.biasConstraint),
            dropout: this.dropout,
            recurrentDropout: this.recurrentDropout
          };
          return Object.assign(Object.assign({}, baseConfig), config);
        };
        return SimpleRNNCell2;
      })(RNNCell)
    );
    SimpleRNNCell.className = "SimpleRNNCell";
    tfc.serialization.registerClass(SimpleRNNCell);
    var SimpleRNN = (
      /** @class */
      (function(_super) {
        __extends(SimpleRNN2, _super);
        function SimpleRNN2(args) {
          args.cell = new SimpleRNNCell(args);
          return _super.call(this, args) || this;
        }
        SimpleRNN2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            if (_this.cell.dropoutMask != null) {
              tfc__namespace.dispose(_this.cell.dropoutMask);
              _this.cell.dropoutMask = null;
            }
            if (_this.cell.recurrentDropoutMask != null) {
              tfc__namespace.dispose(_this.cell.recurrentDropoutMask);
              _this.cell.recurrentDropoutMask = null;
            }
            var mask = kwargs == null ? null : kwargs["mask"];
            var training = kwargs == null ? null : kwargs["training"];
            var initialState = kwargs == null ? null : kwargs["initialState"];
            return _super.prototype.call.call(_this, inputs, { mask, training, initialState });
          });
        };
        SimpleRNN2.fromConfig = function(cls, config) {
          return new cls(config);
        };
        return SimpleRNN2;
      })(RNN)
    );
    SimpleRNN.className = "SimpleRNN";
    tfc.serialization.registerClass(SimpleRNN);
    var GRUCell = (
      /** @class */
      (function(_super) {
        __extends(GRUCell2, _super);
        function GRUCell2(args) {
          var _this = _super.call(this, args) || this;
          _this.DEFAULT_ACTIVATION = "tanh";
          _this.DEFAULT_RECURRENT_ACTIVATION = "hardSigmoid";
          _this.DEFAULT_KERNEL_INITIALIZER = "glorotNormal";
          _this.DEFAULT_RECURRENT_INITIALIZER = "orthogonal";
          _this.DEFAULT_BIAS_INITIALIZER = "zeros";
          if (args.resetAfter) {
            throw new ValueError("GRUCell does not support reset_after parameter set to true.");
          }
          _this.units = args.units;
          assertPositiveInteger(_this.units, "units");
          _this.activation = getActivation(args.activation === void 0 ? _this.DEFAULT_ACTIVATION : args.activation);
          _this.recurrentActivation = getActivation(args.recurrentActivation === void 0 ? _this.DEFAULT_RECURRENT_ACTIVATION : args.recurrentActivation);
          _this.useBias = args.useBias == null ? true : args.useBias;
          _this.kernelInitializer = getInitializer(args.kernelInitializer || _this.DEFAULT_KERNEL_INITIALIZER);
          _this.recurrentInitializer = getInitializer(args.recurrentInitializer || _this.DEFAULT_RECURRENT_INITIALIZER);
          _this.biasInitializer = getInitializer(args.biasInitializer || _this.DEFAULT_BIAS_INITIALIZER);
          _this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
          _this.recurrentRegularizer = getRegularizer(args.recurrentRegularizer);
          _this.biasRegularizer = getRegularizer(args.biasRegularizer);
          _this.kernelConstraint = getConstraint(args.kernelConstraint);
          _this.recurrentConstraint = getConstraint(args.recurrentConstraint);
          _this.biasConstraint = getConstraint(args.biasConstraint);
          _this.dropout = min([1, max([0, args.dropout == null ? 0 : args.dropout])]);
          _this.recurrentDropout = min([
            1,
            max([0, args.recurrentDropout == null ? 0 : args.recurrentDropout])
          ]);
          _this.dropoutFunc = args.dropoutFunc;
          _this.implementation = args.implementation;
          _this.stateSize = _this.units;
          _this.dropoutMask = null;
          _this.recurrentDropoutMask = null;
          return _this;
        }
        GRUCell2.prototype.build = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var inputDim = inputShape[inputShape.length - 1];
          this.kernel = this.addWeight("kernel", [inputDim, this.units * 3], null, this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          this.recurrentKernel = this.addWeight("recurrent_kernel", [this.units, this.units * 3], null, this.recurrentInitializer, this.recurrentRegularizer, true, this.recurrentConstraint);
          if (this.useBias) {
            this.bias = this.addWeight("bias", [this.units * 3], null, this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          } else {
            this.bias = null;
          }
          this.built = true;
        };
        GRUCell2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = inputs;
            if (inputs.length !== 2) {
              throw new ValueError("GRUCell expects 2 input Tensors (inputs, h, c), got " + "".concat(inputs.length, "."));
            }
            var training = kwargs["training"] == null ? false : kwargs["training"];
            var hTMinus1 = inputs[1];
            inputs = inputs[0];
            if (0 < _this.dropout && _this.dropout < 1 && _this.dropoutMask == null) {
              _this.dropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(inputs);
                },
                rate: _this.dropout,
                training,
                count: 3,
                dropoutFunc: _this.dropoutFunc
              });
            }
            if (0 < _this.recurrentDropout && _this.recurrentDropout < 1 && _this.recurrentDropoutMask == null) {
              _this.recurrentDropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(hTMinus1);
                },
                rate: _this.recurrentDropout,
                training,
                count: 3,
                dropoutFunc: _this.dropoutFunc
              });
            }
            var dpMask = _this.dropoutMask;
            var recDpMask = _this.recurrentDropoutMask;
            var z;
            var r;
            var hh;
            if (0 < _this.dropout && _this.dropout < 1) {
              inputs = tfc__namespace.mul(inputs, dpMask[0]);
            }
            var matrixX = dot$1(inputs, _this.kernel.read());
            if (_this.useBias) {
              matrixX = biasAdd(matrixX, _this.bias.read());
            }
            if (0 < _this.recurrentDropout && _this.recurrentDropout < 1) {
              hTMinus1 = tfc__namespace.mul(hTMinus1, recDpMask[0]);
            }
            var recurrentKernelValue = _this.recurrentKernel.read();
            var _b = __read(tfc__namespace.split(recurrentKernelValue, [2 * _this.units, _this.units], recurrentKernelValue.rank - 1), 2), rk1 = _b[0], rk2 = _b[1];
            var matrixInner = dot$1(hTMinus1, rk1);
            var _c = __read(tfc__namespace.split(matrixX, 3, matrixX.rank - 1), 3), xZ = _c[0], xR = _c[1], xH = _c[2];
            var _d = __read(tfc__namespace.split(matrixInner, 2, matrixInner.rank - 1), 2), recurrentZ = _d[0], recurrentR = _d[1];
            z = _this.recurrentActivation.apply(tfc__namespace.add(xZ, recurrentZ));
            r = _this.recurrentActivation.apply(tfc__namespace.add(xR, recurrentR));
            var recurrentH = dot$1(tfc__namespace.mul(r, hTMinus1), rk2);
            hh = _this.activation.apply(tfc__namespace.add(xH, recurrentH));
            var h = tfc__namespace.add(tfc__namespace.mul(z, hTMinus1), tfc__namespace.mul(tfc__namespace.add(1, tfc__namespace.neg(z)), hh));
            return [h, h];
          });
        };
        GRUCell2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = {
            units: this.units,
            activation: serializeActivation(this.activation),
            recurrentActivation: serializeActivation(this.recurrentActivation),
            useBias: this.useBias,
            kernelInitializer: serializeInitializer(this.kernelInitializer),
            recurrentInitializer: serializeInitializer(this.recurrentInitializer),
            biasInitializer: serializeInitializer(this.biasInitializer),
            kernelRegularizer: serializeRegularizer(this.kernelRegularizer),
            recurrentRegularizer: serializeRegularizer(this.recurrentRegularizer),
            biasRegularizer: serializeRegularizer(this.biasRegularizer),
            activityRegularizer: serializeRegularizer(this.activityRegularizer),
            kernelConstraint: serializeConstraint(this.kernelConstraint),
            recurrentConstraint: serializeConstraint(this.recurrentConstraint),
            biasConstraint: serializeConstraint(this.biasConstraint),
            dropout: this.dropout,
            recurrentDropout: this.recurrentDropout,
            implementation: this.implementation,
            resetAfter: false
          };
          return Object.assign(Object.assign({}, baseConfig), config);
        };
        return GRUCell2;
      })(RNNCell)
    );
    GRUCell.className = "GRUCell";
    tfc.serialization.registerClass(GRUCell);
    var GRU = (
      /** @class */
      (function(_super) {
        __extends(GRU2, _super);
        function GRU2(args) {
          if (args.implementation === 0) {
            console.warn("`implementation=0` has been deprecated, and now defaults to `implementation=1`. Please update your layer call.");
          }
          args.cell = new GRUCell(args);
          return _super.call(this, args) || this;
        }
        GRU2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            if (_this.cell.dropoutMask != null) {
              tfc__namespace.dispose(_this.cell.dropoutMask);
              _this.cell.dropoutMask = null;
            }
            if (_this.cell.recurrentDropoutMask != null) {
              tfc__namespace.dispose(_this.cell.recurrentDropoutMask);
              _this.cell.recurrentDropoutMask = null;
            }
            var mask = kwargs == null ? null : kwargs["mask"];
            var training = kwargs == null ? null : kwargs["training"];
            var initialState = kwargs == null ? null : kwargs["initialState"];
            return _super.prototype.call.call(_this, inputs, { mask, training, initialState });
          });
        };
        GRU2.fromConfig = function(cls, config) {
          if (config["implmentation"] === 0) {
            config["implementation"] = 1;
          }
          return new cls(config);
        };
        return GRU2;
      })(RNN)
    );
    GRU.className = "GRU";
    tfc.serialization.registerClass(GRU);
    var LSTMCell = (
      /** @class */
      (function(_super) {
        __extends(LSTMCell2, _super);
        function LSTMCell2(args) {
          var _this = _super.call(this, args) || this;
          _this.DEFAULT_ACTIVATION = "tanh";
          _this.DEFAULT_RECURRENT_ACTIVATION = "hardSigmoid";
          _this.DEFAULT_KERNEL_INITIALIZER = "glorotNormal";
          _this.DEFAULT_RECURRENT_INITIALIZER = "orthogonal";
          _this.DEFAULT_BIAS_INITIALIZER = "zeros";
          _this.units = args.units;
          assertPositiveInteger(_this.units, "units");
          _this.activation = getActivation(args.activation === void 0 ? _this.DEFAULT_ACTIVATION : args.activation);
          _this.recurrentActivation = getActivation(args.recurrentActivation === void 0 ? _this.DEFAULT_RECURRENT_ACTIVATION : args.recurrentActivation);
          _this.useBias = args.useBias == null ? true : args.useBias;
          _this.kernelInitializer = getInitializer(args.kernelInitializer || _this.DEFAULT_KERNEL_INITIALIZER);
          _this.recurrentInitializer = getInitializer(args.recurrentInitializer || _this.DEFAULT_RECURRENT_INITIALIZER);
          _this.biasInitializer = getInitializer(args.biasInitializer || _this.DEFAULT_BIAS_INITIALIZER);
          _this.unitForgetBias = args.unitForgetBias;
          _this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
          _this.recurrentRegularizer = getRegularizer(args.recurrentRegularizer);
          _this.biasRegularizer = getRegularizer(args.biasRegularizer);
          _this.kernelConstraint = getConstraint(args.kernelConstraint);
          _this.recurrentConstraint = getConstraint(args.recurrentConstraint);
          _this.biasConstraint = getConstraint(args.biasConstraint);
          _this.dropout = min([1, max([0, args.dropout == null ? 0 : args.dropout])]);
          _this.recurrentDropout = min([
            1,
            max([0, args.recurrentDropout == null ? 0 : args.recurrentDropout])
          ]);
          _this.dropoutFunc = args.dropoutFunc;
          _this.implementation = args.implementation;
          _this.stateSize = [_this.units, _this.units];
          _this.dropoutMask = null;
          _this.recurrentDropoutMask = null;
          return _this;
        }
        LSTMCell2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          var inputDim = inputShape[inputShape.length - 1];
          this.kernel = this.addWeight("kernel", [inputDim, this.units * 4], null, this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          this.recurrentKernel = this.addWeight("recurrent_kernel", [this.units, this.units * 4], null, this.recurrentInitializer, this.recurrentRegularizer, true, this.recurrentConstraint);
          var biasInitializer;
          if (this.useBias) {
            if (this.unitForgetBias) {
              var capturedBiasInit_1 = this.biasInitializer;
              var capturedUnits_1 = this.units;
              biasInitializer = new (_a2 = /** @class */
              (function(_super2) {
                __extends(CustomInit, _super2);
                function CustomInit() {
                  return _super2 !== null && _super2.apply(this, arguments) || this;
                }
                CustomInit.prototype.apply = function(shape, dtype) {
                  var bI = capturedBiasInit_1.apply([capturedUnits_1]);
                  var bF = new Ones().apply([capturedUnits_1]);
                  var bCAndH = capturedBiasInit_1.apply([capturedUnits_1 * 2]);
                  return concatAlongFirstAxis(concatAlongFirstAxis(bI, bF), bCAndH);
                };
                return CustomInit;
              })(Initializer), /** @nocollapse */
              _a2.className = "CustomInit", _a2)();
            } else {
              biasInitializer = this.biasInitializer;
            }
            this.bias = this.addWeight("bias", [this.units * 4], null, biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          } else {
            this.bias = null;
          }
          this.built = true;
        };
        LSTMCell2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var training = kwargs["training"] == null ? false : kwargs["training"];
            inputs = inputs;
            if (inputs.length !== 3) {
              throw new ValueError("LSTMCell expects 3 input Tensors (inputs, h, c), got " + "".concat(inputs.length, "."));
            }
            var hTMinus1 = inputs[1];
            var cTMinus1 = inputs[2];
            inputs = inputs[0];
            if (0 < _this.dropout && _this.dropout < 1 && _this.dropoutMask == null) {
              _this.dropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(inputs);
                },
                rate: _this.dropout,
                training,
                count: 4,
                dropoutFunc: _this.dropoutFunc
              });
            }
            if (0 < _this.recurrentDropout && _this.recurrentDropout < 1 && _this.recurrentDropoutMask == null) {
              _this.recurrentDropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(hTMinus1);
                },
                rate: _this.recurrentDropout,
                training,
                count: 4,
                dropoutFunc: _this.dropoutFunc
              });
            }
            var dpMask = _this.dropoutMask;
            var recDpMask = _this.recurrentDropoutMask;
            var i;
            var f;
            var c;
            var o;
            if (0 < _this.dropout && _this.dropout < 1) {
              inputs = tfc__namespace.mul(inputs, dpMask[0]);
            }
            var z = dot$1(inputs, _this.kernel.read());
            if (0 < _this.recurrentDropout && _this.recurrentDropout < 1) {
              hTMinus1 = tfc__namespace.mul(hTMinus1, recDpMask[0]);
            }
            z = tfc__namespace.add(z, dot$1(hTMinus1, _this.recurrentKernel.read()));
            if (_this.useBias) {
              z = biasAdd(z, _this.bias.read());
            }
            var _b = __read(tfc__namespace.split(z, 4, z.rank - 1), 4), z0 = _b[0], z1 = _b[1], z2 = _b[2], z3 = _b[3];
            i = _this.recurrentActivation.apply(z0);
            f = _this.recurrentActivation.apply(z1);
            c = tfc__namespace.add(tfc__namespace.mul(f, cTMinus1), tfc__namespace.mul(i, _this.activation.apply(z2)));
            o = _this.recurrentActivation.apply(z3);
            var h = tfc__namespace.mul(o, _this.activation.apply(c));
            return [h, h, c];
          });
        };
        LSTMCell2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = {
            units: this.units,
            activation: serializeActivation(this.activation),
            recurrentActivation: serializeActivation(this.recurrentActivation),
            useBias: this.useBias,
            kernelInitializer: serializeInitializer(this.kernelInitializer),
            recurrentInitializer: serializeInitializer(this.recurrentInitializer),
            biasInitializer: serializeInitializer(this.biasInitializer),
            unitForgetBias: this.unitForgetBias,
            kernelRegularizer: serializeRegularizer(this.kernelRegularizer),
            recurrentRegularizer: serializeRegularizer(this.recurrentRegularizer),
            biasRegularizer: serializeRegularizer(this.biasRegularizer),
            activityRegularizer: serializeRegularizer(this.activityRegularizer),
            kernelConstraint: serializeConstraint(this.kernelConstraint),
            recurrentConstraint: serializeConstraint(this.recurrentConstraint),
            biasConstraint: serializeConstraint(this.biasConstraint),
            dropout: this.dropout,
            recurrentDropout: this.recurrentDropout,
            implementation: this.implementation
          };
          return Object.assign(Object.assign({}, baseConfig), config);
        };
        return LSTMCell2;
      })(RNNCell)
    );
    LSTMCell.className = "LSTMCell";
    tfc.serialization.registerClass(LSTMCell);
    var LSTM = (
      /** @class */
      (function(_super) {
        __extends(LSTM2, _super);
        function LSTM2(args) {
          if (args.implementation === 0) {
            console.warn("`implementation=0` has been deprecated, and now defaults to `implementation=1`. Please update your layer call.");
          }
          args.cell = new LSTMCell(args);
          return _super.call(this, args) || this;
        }
        LSTM2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            if (_this.cell.dropoutMask != null) {
              tfc__namespace.dispose(_this.cell.dropoutMask);
              _this.cell.dropoutMask = null;
            }
            if (_this.cell.recurrentDropoutMask != null) {
              tfc__namespace.dispose(_this.cell.recurrentDropoutMask);
              _this.cell.recurrentDropoutMask = null;
            }
            var mask = kwargs == null ? null : kwargs["mask"];
            var training = kwargs == null ? null : kwargs["training"];
            var initialState = kwargs == null ? null : kwargs["initialState"];
            return _super.prototype.call.call(_this, inputs, { mask, training, initialState });
          });
        };
        LSTM2.fromConfig = function(cls, config) {
          if (config["implmentation"] === 0) {
            config["implementation"] = 1;
          }
          return new cls(config);
        };
        return LSTM2;
      })(RNN)
    );
    LSTM.className = "LSTM";
    tfc.serialization.registerClass(LSTM);
    var StackedRNNCells = (
      /** @class */
      (function(_super) {
        __extends(StackedRNNCells2, _super);
        function StackedRNNCells2(args) {
          var _this = _super.call(this, args) || this;
          _this.cells = args.cells;
          return _this;
        }
        Object.defineProperty(StackedRNNCells2.prototype, "stateSize", {
          get: function() {
            var e_3, _b;
            var stateSize = [];
            try {
              for (var _c = __values(this.cells.slice().reverse()), _d = _c.next(); !_d.done; _d = _c.next()) {
                var cell = _d.value;
                if (Array.isArray(cell.stateSize)) {
                  stateSize.push.apply(stateSize, __spreadArray([], __read(cell.stateSize), false));
                } else {
                  stateSize.push(cell.stateSize);
                }
              }
            } catch (e_3_1) {
              e_3 = { error: e_3_1 };
            } finally {
              try {
                if (_d && !_d.done && (_b = _c.return)) _b.call(_c);
              } finally {
                if (e_3) throw e_3.error;
              }
            }
            return stateSize;
          },
          enumerable: false,
          configurable: true
        });
        StackedRNNCells2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var e_4, _b, e_5, _c;
            inputs = inputs;
            var states = inputs.slice(1);
            var nestedStates = [];
            try {
              for (var _d = __values(_this.cells.slice().reverse()), _e = _d.next(); !_e.done; _e = _d.next()) {
                var cell = _e.value;
                if (Array.isArray(cell.stateSize)) {
                  nestedStates.push(states.splice(0, cell.stateSize.length));
                } else {
                  nestedStates.push(states.splice(0, 1));
                }
              }
            } catch (e_4_1) {
              e_4 = { error: e_4_1 };
            } finally {
              try {
                if (_e && !_e.done && (_b = _d.return)) _b.call(_d);
              } finally {
                if (e_4) throw e_4.error;
              }
            }
            nestedStates.reverse();
            var newNestedStates = [];
            var callInputs;
            for (var i = 0; i < _this.cells.length; ++i) {
              var cell = _this.cells[i];
              states = nestedStates[i];
              if (i === 0) {
                callInputs = [inputs[0]].concat(states);
              } else {
                callInputs = [callInputs[0]].concat(states);
              }
              callInputs = cell.call(callInputs, kwargs);
              newNestedStates.push(callInputs.slice(1));
            }
            states = [];
            try {
              for (var _f = __values(newNestedStates.slice().reverse()), _g = _f.next(); !_g.done; _g = _f.next()) {
                var cellStates = _g.value;
                states.push.apply(states, __spreadArray([], __read(cellStates), false));
              }
            } catch (e_5_1) {
              e_5 = { error: e_5_1 };
            } finally {
              try {
                if (_g && !_g.done && (_c = _f.return)) _c.call(_f);
              } finally {
                if (e_5) throw e_5.error;
              }
            }
            return [callInputs[0]].concat(states);
          });
        };
        StackedRNNCells2.prototype.build = function(inputShape) {
          if (isArrayOfShapes(inputShape)) {
            inputShape = inputShape[0];
          }
          inputShape = inputShape;
          var outputDim;
          this.cells.forEach(function(cell, i) {
            nameScope("RNNCell_".concat(i), function() {
              cell.build(inputShape);
              if (Array.isArray(cell.stateSize)) {
                outputDim = cell.stateSize[0];
              } else {
                outputDim = cell.stateSize;
              }
              inputShape = [inputShape[0], outputDim];
            });
          });
          this.built = true;
        };
        StackedRNNCells2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var getCellConfig = function(cell) {
            return {
              "className": cell.getClassName(),
              "config": cell.getConfig()
            };
          };
          var cellConfigs = this.cells.map(getCellConfig);
          var config = { "cells": cellConfigs };
          return Object.assign(Object.assign({}, baseConfig), config);
        };
        StackedRNNCells2.fromConfig = function(cls, config, customObjects) {
          var e_6, _b;
          if (customObjects === void 0) {
            customObjects = {};
          }
          var cells = [];
          try {
            for (var _c = __values(config["cells"]), _d = _c.next(); !_d.done; _d = _c.next()) {
              var cellConfig = _d.value;
              cells.push(deserialize(cellConfig, customObjects));
            }
          } catch (e_6_1) {
            e_6 = { error: e_6_1 };
          } finally {
            try {
              if (_d && !_d.done && (_b = _c.return)) _b.call(_c);
            } finally {
              if (e_6) throw e_6.error;
            }
          }
          return new cls({ cells });
        };
        Object.defineProperty(StackedRNNCells2.prototype, "trainableWeights", {
          get: function() {
            var e_7, _b;
            if (!this.trainable) {
              return [];
            }
            var weights = [];
            try {
              for (var _c = __values(this.cells), _d = _c.next(); !_d.done; _d = _c.next()) {
                var cell = _d.value;
                weights.push.apply(weights, __spreadArray([], __read(cell.trainableWeights), false));
              }
            } catch (e_7_1) {
              e_7 = { error: e_7_1 };
            } finally {
              try {
                if (_d && !_d.done && (_b = _c.return)) _b.call(_c);
              } finally {
                if (e_7) throw e_7.error;
              }
            }
            return weights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(StackedRNNCells2.prototype, "nonTrainableWeights", {
          get: function() {
            var e_8, _b, e_9, _c;
            var weights = [];
            try {
              for (var _d = __values(this.cells), _e = _d.next(); !_e.done; _e = _d.next()) {
                var cell = _e.value;
                weights.push.apply(weights, __spreadArray([], __read(cell.nonTrainableWeights), false));
              }
            } catch (e_8_1) {
              e_8 = { error: e_8_1 };
            } finally {
              try {
                if (_e && !_e.done && (_b = _d.return)) _b.call(_d);
              } finally {
                if (e_8) throw e_8.error;
              }
            }
            if (!this.trainable) {
              var trainableWeights = [];
              try {
                for (var _f = __values(this.cells), _g = _f.next(); !_g.done; _g = _f.next()) {
                  var cell = _g.value;
                  trainableWeights.push.apply(trainableWeights, __spreadArray([], __read(cell.trainableWeights), false));
                }
              } catch (e_9_1) {
                e_9 = { error: e_9_1 };
              } finally {
                try {
                  if (_g && !_g.done && (_c = _f.return)) _c.call(_f);
                } finally {
                  if (e_9) throw e_9.error;
                }
              }
              return trainableWeights.concat(weights);
            }
            return weights;
          },
          enumerable: false,
          configurable: true
        });
        StackedRNNCells2.prototype.getWeights = function() {
          var e_10, _b;
          var weights = [];
          try {
            for (var _c = __values(this.cells), _d = _c.next(); !_d.done; _d = _c.next()) {
              var cell = _d.value;
              weights.push.apply(weights, __spreadArray([], __read(cell.weights), false));
            }
          } catch (e_10_1) {
            e_10 = { error: e_10_1 };
          } finally {
            try {
              if (_d && !_d.done && (_b = _c.return)) _b.call(_c);
            } finally {
              if (e_10) throw e_10.error;
            }
          }
          return batchGetValue(weights);
        };
        StackedRNNCells2.prototype.setWeights = function(weights) {
          var e_11, _b;
          var tuples = [];
          try {
            for (var _c = __values(this.cells), _d = _c.next(); !_d.done; _d = _c.next()) {
              var cell = _d.value;
              var numParams = cell.weights.length;
              var inputWeights = weights.splice(numParams);
              for (var i = 0; i < cell.weights.length; ++i) {
                tuples.push([cell.weights[i], inputWeights[i]]);
              }
            }
          } catch (e_11_1) {
            e_11 = { error: e_11_1 };
          } finally {
            try {
              if (_d && !_d.done && (_b = _c.return)) _b.call(_c);
            } finally {
              if (e_11) throw e_11.error;
            }
          }
          batchSetValue(tuples);
        };
        return StackedRNNCells2;
      })(RNNCell)
    );
    StackedRNNCells.className = "StackedRNNCells";
    tfc.serialization.registerClass(StackedRNNCells);
    function generateDropoutMask(args) {
      var ones2 = args.ones, rate = args.rate, _b = args.training, training = _b === void 0 ? false : _b, _c = args.count, count2 = _c === void 0 ? 1 : _c, dropoutFunc = args.dropoutFunc;
      var droppedInputs = function() {
        return dropoutFunc != null ? dropoutFunc(ones2(), rate) : dropout$1(ones2(), rate);
      };
      var createMask = function() {
        return inTrainPhase(droppedInputs, ones2, training);
      };
      if (!count2 || count2 <= 1) {
        return tfc__namespace.keep(createMask().clone());
      }
      var masks = Array(count2).fill(void 0).map(createMask);
      return masks.map(function(m) {
        return tfc__namespace.keep(m.clone());
      });
    }
    var __rest = function(s, e) {
      var t = {};
      for (var p in s)
        if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
          t[p] = s[p];
      if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
          if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
            t[p[i]] = s[p[i]];
        }
      return t;
    };
    (function(_super) {
      __extends(ConvRNN2DCell, _super);
      function ConvRNN2DCell() {
        return _super !== null && _super.apply(this, arguments) || this;
      }
      return ConvRNN2DCell;
    })(RNNCell);
    var ConvRNN2D = (
      /** @class */
      (function(_super) {
        __extends(ConvRNN2D2, _super);
        function ConvRNN2D2(args) {
          var _this = this;
          if (args.unroll) {
            throw new NotImplementedError("Unrolling is not possible with convolutional RNNs.");
          }
          if (Array.isArray(args.cell)) {
            throw new NotImplementedError("It is not possible at the moment to stack convolutional cells.");
          }
          _this = _super.call(this, args) || this;
          _this.inputSpec = [new InputSpec({ ndim: 5 })];
          return _this;
        }
        ConvRNN2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            if (_this.cell.dropoutMask != null) {
              tfc__namespace.dispose(_this.cell.dropoutMask);
              _this.cell.dropoutMask = null;
            }
            if (_this.cell.recurrentDropoutMask != null) {
              tfc__namespace.dispose(_this.cell.recurrentDropoutMask);
              _this.cell.recurrentDropoutMask = null;
            }
            if (kwargs && kwargs["constants"]) {
              throw new ValueError("ConvRNN2D cell does not support constants");
            }
            var mask = kwargs == null ? null : kwargs["mask"];
            var training = kwargs == null ? null : kwargs["training"];
            var initialState = kwargs == null ? null : kwargs["initialState"];
            return _super.prototype.call.call(_this, inputs, { mask, training, initialState });
          });
        };
        ConvRNN2D2.prototype.computeOutputShape = function(inputShape) {
          var outShape = this.computeSingleOutputShape(inputShape);
          if (!this.returnSequences) {
            outShape = __spreadArray([outShape[0]], __read(outShape.slice(2)), false);
          }
          if (this.returnState) {
            outShape = __spreadArray([outShape], __read(Array(2).fill(__spreadArray([inputShape[0]], __read(outShape.slice(-3)), false))), false);
          }
          return outShape;
        };
        ConvRNN2D2.prototype.getInitialState = function(inputs) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            var stateSize = _this.cell.stateSize;
            var inputShape = inputs.shape;
            var outputShape = _this.computeSingleOutputShape(inputShape);
            var stateShape = __spreadArray([outputShape[0]], __read(outputShape.slice(2)), false);
            var initialState = tfc__namespace.zeros(stateShape);
            if (Array.isArray(stateSize)) {
              return Array(stateSize.length).fill(initialState);
            }
            return [initialState];
          });
        };
        ConvRNN2D2.prototype.resetStates = function(states, training) {
          var _this = this;
          if (training === void 0) {
            training = false;
          }
          tfc__namespace.tidy(function() {
            if (!_this.stateful) {
              throw new AttributeError("Cannot call resetStates() on an RNN Layer that is not stateful.");
            }
            var inputShape = _this.inputSpec[0].shape;
            var outputShape = _this.computeSingleOutputShape(inputShape);
            var stateShape = __spreadArray([outputShape[0]], __read(outputShape.slice(2)), false);
            var batchSize = inputShape[0];
            if (batchSize == null) {
              throw new ValueError("If an RNN is stateful, it needs to know its batch size. Specify the batch size of your input tensors: \n- If using a Sequential model, specify the batch size by passing a `batchInputShape` option to your first layer.\n- If using the functional API, specify the batch size by passing a `batchShape` option to your Input layer.");
            }
            if (_this.getStates() == null) {
              if (Array.isArray(_this.cell.stateSize)) {
                _this.states_ = _this.cell.stateSize.map(function() {
                  return tfc__namespace.zeros(stateShape);
                });
              } else {
                _this.states_ = [tfc__namespace.zeros(stateShape)];
              }
            } else if (states == null) {
              tfc__namespace.dispose(_this.states_);
              if (_this.keptStates != null) {
                tfc__namespace.dispose(_this.keptStates);
                _this.keptStates = [];
              }
              if (Array.isArray(_this.cell.stateSize)) {
                _this.states_ = _this.cell.stateSize.map(function() {
                  return tfc__namespace.zeros(stateShape);
                });
              } else {
                _this.states_[0] = tfc__namespace.zeros(stateShape);
              }
            } else {
              if (!Array.isArray(states)) {
                states = [states];
              }
              if (states.length !== _this.states_.length) {
                throw new ValueError("Layer ".concat(_this.name, " expects ").concat(_this.states_.length, " state(s), ") + "but it received ".concat(states.length, " state value(s). Input ") + "received: ".concat(states));
              }
              if (training) {
                _this.keptStates.push(_this.states_.slice());
              } else {
                tfc__namespace.dispose(_this.states_);
              }
              for (var index = 0; index < _this.states_.length; ++index) {
                var value = states[index];
                var expectedShape = stateShape;
                if (!tfc.util.arraysEqual(value.shape, expectedShape)) {
                  throw new ValueError("State ".concat(index, " is incompatible with layer ").concat(_this.name, ": ") + "expected shape=".concat(expectedShape, ", received shape=").concat(value.shape));
                }
                _this.states_[index] = value;
              }
            }
            _this.states_ = _this.states_.map(function(state) {
              return tfc__namespace.keep(state.clone());
            });
          });
        };
        ConvRNN2D2.prototype.computeSingleOutputShape = function(inputShape) {
          var _b = this.cell, dataFormat = _b.dataFormat, filters = _b.filters, kernelSize = _b.kernelSize, padding = _b.padding, strides = _b.strides, dilationRate = _b.dilationRate;
          var isChannelsFirst = dataFormat === "channelsFirst";
          var h = inputShape[isChannelsFirst ? 3 : 2];
          var w = inputShape[isChannelsFirst ? 4 : 3];
          var hOut = convOutputLength(h, kernelSize[0], padding, strides[0], dilationRate[0]);
          var wOut = convOutputLength(w, kernelSize[1], padding, strides[1], dilationRate[1]);
          var outShape = __spreadArray(__spreadArray([], __read(inputShape.slice(0, 2)), false), __read(isChannelsFirst ? [filters, hOut, wOut] : [hOut, wOut, filters]), false);
          return outShape;
        };
        return ConvRNN2D2;
      })(RNN)
    );
    ConvRNN2D.className = "ConvRNN2D";
    var ConvLSTM2DCell = (
      /** @class */
      (function(_super) {
        __extends(ConvLSTM2DCell2, _super);
        function ConvLSTM2DCell2(args) {
          var _this = this;
          var filters = args.filters, kernelSize = args.kernelSize, strides = args.strides, padding = args.padding, dataFormat = args.dataFormat, dilationRate = args.dilationRate;
          _this = _super.call(this, Object.assign(Object.assign({}, args), { units: filters })) || this;
          _this.filters = filters;
          assertPositiveInteger(_this.filters, "filters");
          _this.kernelSize = normalizeArray(kernelSize, 2, "kernelSize");
          _this.kernelSize.forEach(function(size) {
            return assertPositiveInteger(size, "kernelSize");
          });
          _this.strides = normalizeArray(strides || 1, 2, "strides");
          _this.strides.forEach(function(stride) {
            return assertPositiveInteger(stride, "strides");
          });
          _this.padding = padding || "valid";
          checkPaddingMode(_this.padding);
          _this.dataFormat = dataFormat || "channelsLast";
          checkDataFormat(_this.dataFormat);
          _this.dilationRate = normalizeArray(dilationRate || 1, 2, "dilationRate");
          _this.dilationRate.forEach(function(rate) {
            return assertPositiveInteger(rate, "dilationRate");
          });
          return _this;
        }
        ConvLSTM2DCell2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          var channelAxis = this.dataFormat === "channelsFirst" ? 1 : inputShape.length - 1;
          if (inputShape[channelAxis] == null) {
            throw new ValueError("The channel dimension of the input should be defined. " + "Found ".concat(inputShape[channelAxis]));
          }
          var inputDim = inputShape[channelAxis];
          var numOfKernels = 4;
          var kernelShape = this.kernelSize.concat([inputDim, this.filters * numOfKernels]);
          this.kernel = this.addWeight("kernel", kernelShape, null, this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
          var recurrentKernelShape = this.kernelSize.concat([this.filters, this.filters * numOfKernels]);
          this.recurrentKernel = this.addWeight("recurrent_kernel", recurrentKernelShape, null, this.recurrentInitializer, this.recurrentRegularizer, true, this.recurrentConstraint);
          if (this.useBias) {
            var biasInitializer = void 0;
            if (this.unitForgetBias) {
              var init_1 = this.biasInitializer;
              var filters_1 = this.filters;
              biasInitializer = new (_a2 = /** @class */
              (function(_super2) {
                __extends(CustomInit, _super2);
                function CustomInit() {
                  return _super2 !== null && _super2.apply(this, arguments) || this;
                }
                CustomInit.prototype.apply = function(shape, dtype) {
                  var biasI = init_1.apply([filters_1]);
                  var biasF = tfc__namespace.ones([filters_1]);
                  var biasCAndO = init_1.apply([filters_1 * 2]);
                  return concatenate$1([biasI, biasF, biasCAndO]);
                };
                return CustomInit;
              })(Initializer), /** @nocollapse */
              _a2.className = "CustomInit", _a2)();
            } else {
              biasInitializer = this.biasInitializer;
            }
            this.bias = this.addWeight("bias", [this.filters * numOfKernels], null, biasInitializer, this.biasRegularizer, true, this.biasConstraint);
          }
          this.built = true;
        };
        ConvLSTM2DCell2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc__namespace.tidy(function() {
            if (inputs.length !== 3) {
              throw new ValueError("ConvLSTM2DCell expects 3 input Tensors (inputs, h, c), got " + "".concat(inputs.length, "."));
            }
            var training = kwargs["training"] || false;
            var x = inputs[0];
            var hTMinus1 = inputs[1];
            var cTMinus1 = inputs[2];
            var numOfKernels = 4;
            if (0 < _this.dropout && _this.dropout < 1 && _this.dropoutMask == null) {
              _this.dropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(x);
                },
                rate: _this.dropout,
                training,
                count: numOfKernels,
                dropoutFunc: _this.dropoutFunc
              });
            }
            var dropoutMask = _this.dropoutMask;
            var applyDropout = function(x2, mask, index) {
              if (!mask || !mask[index]) {
                return x2;
              }
              return tfc__namespace.mul(mask[index], x2);
            };
            var xI = applyDropout(x, dropoutMask, 0);
            var xF = applyDropout(x, dropoutMask, 1);
            var xC = applyDropout(x, dropoutMask, 2);
            var xO = applyDropout(x, dropoutMask, 3);
            if (0 < _this.recurrentDropout && _this.recurrentDropout < 1 && _this.recurrentDropoutMask == null) {
              _this.recurrentDropoutMask = generateDropoutMask({
                ones: function() {
                  return tfc__namespace.onesLike(hTMinus1);
                },
                rate: _this.recurrentDropout,
                training,
                count: numOfKernels,
                dropoutFunc: _this.dropoutFunc
              });
            }
            var recDropoutMask = _this.recurrentDropoutMask;
            var hI = applyDropout(hTMinus1, recDropoutMask, 0);
            var hF = applyDropout(hTMinus1, recDropoutMask, 1);
            var hC = applyDropout(hTMinus1, recDropoutMask, 2);
            var hO = applyDropout(hTMinus1, recDropoutMask, 3);
            var kernelChannelAxis = 3;
            var _b = __read(tfc__namespace.split(_this.kernel.read(), numOfKernels, kernelChannelAxis), 4), kernelI = _b[0], kernelF = _b[1], kernelC = _b[2], kernelO = _b[3];
            var _c = __read(_this.useBias ? tfc__namespace.split(_this.bias.read(), numOfKernels) : [null, null, null, null], 4), biasI = _c[0], biasF = _c[1], biasC = _c[2], biasO = _c[3];
            xI = _this.inputConv(xI, kernelI, biasI, _this.padding);
            xF = _this.inputConv(xF, kernelF, biasF, _this.padding);
            xC = _this.inputConv(xC, kernelC, biasC, _this.padding);
            xO = _this.inputConv(xO, kernelO, biasO, _this.padding);
            var _d = __read(tfc__namespace.split(_this.recurrentKernel.read(), numOfKernels, kernelChannelAxis), 4), recKernelI = _d[0], recKernelF = _d[1], recKernelC = _d[2], recKernelO = _d[3];
            hI = _this.recurrentConv(hI, recKernelI);
            hF = _this.recurrentConv(hF, recKernelF);
            hC = _this.recurrentConv(hC, recKernelC);
            hO = _this.recurrentConv(hO, recKernelO);
            var i = _this.recurrentActivation.apply(tfc__namespace.add(xI, hI));
            var f = _this.recurrentActivation.apply(tfc__namespace.add(xF, hF));
            var c = tfc__namespace.add(tfc__namespace.mul(f, cTMinus1), tfc__namespace.mul(i, _this.activation.apply(tfc__namespace.add(xC, hC))));
            var h = tfc__namespace.mul(_this.recurrentActivation.apply(tfc__namespace.add(xO, hO)), _this.activation.apply(c));
            return [h, h, c];
          });
        };
        ConvLSTM2DCell2.prototype.getConfig = function() {
          var _a2 = _super.prototype.getConfig.call(this);
          _a2["units"];
          var baseConfig = __rest(_a2, ["units"]);
          var config = {
            filters: this.filters,
            kernelSize: this.kernelSize,
            padding: this.padding,
            dataFormat: this.dataFormat,
            dilationRate: this.dilationRate,
            strides: this.strides
          };
          return Object.assign(Object.assign({}, baseConfig), config);
        };
        ConvLSTM2DCell2.prototype.inputConv = function(x, w, b, padding) {
          var out = tfc__namespace.conv2d(x, w, this.strides, padding || "valid", this.dataFormat === "channelsFirst" ? "NCHW" : "NHWC", this.dilationRate);
          if (b) {
            return biasAdd(out, b, this.dataFormat);
          }
          return out;
        };
        ConvLSTM2DCell2.prototype.recurrentConv = function(x, w) {
          var strides = 1;
          return tfc__namespace.conv2d(x, w, strides, "same", this.dataFormat === "channelsFirst" ? "NCHW" : "NHWC");
        };
        return ConvLSTM2DCell2;
      })(LSTMCell)
    );
    ConvLSTM2DCell.className = "ConvLSTM2DCell";
    tfc__namespace.serialization.registerClass(ConvLSTM2DCell);
    var ConvLSTM2D = (
      /** @class */
      (function(_super) {
        __extends(ConvLSTM2D2, _super);
        function ConvLSTM2D2(args) {
          var cell = new ConvLSTM2DCell(args);
          return _super.call(this, Object.assign(Object.assign({}, args), { cell })) || this;
        }
        ConvLSTM2D2.fromConfig = function(cls, config) {
          return new cls(config);
        };
        return ConvLSTM2D2;
      })(ConvRNN2D)
    );
    ConvLSTM2D.className = "ConvLSTM2D";
    tfc__namespace.serialization.registerClass(ConvLSTM2D);
    var Dropout = (
      /** @class */
      (function(_super) {
        __extends(Dropout2, _super);
        function Dropout2(args) {
          var _this = _super.call(this, args) || this;
          _this.rate = Math.max(Math.min(args.rate, 1), 0);
          _this.noiseShape = args.noiseShape;
          _this.seed = args.seed;
          _this.supportsMasking = true;
          return _this;
        }
        Dropout2.prototype.getNoiseShape = function(input2) {
          if (this.noiseShape == null) {
            return this.noiseShape;
          }
          var inputShape = input2.shape;
          var noiseShape = [];
          for (var i = 0; i < this.noiseShape.length; ++i) {
            noiseShape.push(this.noiseShape[i] == null ? inputShape[i] : this.noiseShape[i]);
          }
          return noiseShape;
        };
        Dropout2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            if (0 < _this.rate && _this.rate < 1) {
              var training = kwargs["training"] == null ? false : kwargs["training"];
              var noiseShape_1 = _this.getNoiseShape(input2);
              var output = inTrainPhase(function() {
                return dropout$1(input2, _this.rate, noiseShape_1, _this.seed);
              }, function() {
                return input2;
              }, training);
              return output;
            }
            return inputs;
          });
        };
        Dropout2.prototype.getConfig = function() {
          var config = {
            rate: this.rate,
            noiseShape: this.noiseShape,
            seed: this.seed
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        Dropout2.prototype.dispose = function() {
          return _super.prototype.dispose.call(this);
        };
        return Dropout2;
      })(Layer)
    );
    Dropout.className = "Dropout";
    tfc.serialization.registerClass(Dropout);
    var SpatialDropout1D = (
      /** @class */
      (function(_super) {
        __extends(SpatialDropout1D2, _super);
        function SpatialDropout1D2(args) {
          var _this = _super.call(this, args) || this;
          _this.inputSpec = [{ ndim: 3 }];
          return _this;
        }
        SpatialDropout1D2.prototype.getNoiseShape = function(input2) {
          var inputShape = input2.shape;
          return [inputShape[0], 1, inputShape[2]];
        };
        return SpatialDropout1D2;
      })(Dropout)
    );
    SpatialDropout1D.className = "SpatialDropout1D";
    tfc.serialization.registerClass(SpatialDropout1D);
    var Dense = (
      /** @class */
      (function(_super) {
        __extends(Dense2, _super);
        function Dense2(args) {
          var _this = _super.call(this, args) || this;
          _this.activation = null;
          _this.useBias = true;
          _this.kernel = null;
          _this.bias = null;
          _this.DEFAULT_KERNEL_INITIALIZER = "glorotNormal";
          _this.DEFAULT_BIAS_INITIALIZER = "zeros";
          if (args.batchInputShape == null && args.inputShape == null && args.inputDim != null) {
            var batchSize = null;
            if (args.batchSize != null) {
              batchSize = args.batchSize;
            }
            _this.batchInputShape = [batchSize, args.inputDim];
          }
          _this.units = args.units;
          assertPositiveInteger(_this.units, "units");
          _this.activation = getActivation(args.activation);
          if (args.useBias != null) {
            _this.useBias = args.useBias;
          }
          _this.kernelInitializer = getInitializer(args.kernelInitializer || _this.DEFAULT_KERNEL_INITIALIZER);
          _this.biasInitializer = getInitializer(args.biasInitializer || _this.DEFAULT_BIAS_INITIALIZER);
          _this.kernelConstraint = getConstraint(args.kernelConstraint);
          _this.biasConstraint = getConstraint(args.biasConstraint);
          _this.kernelRegularizer = getRegularizer(args.kernelRegularizer);
          _this.biasRegularizer = getRegularizer(args.biasRegularizer);
          _this.activityRegularizer = getRegularizer(args.activityRegularizer);
          _this.supportsMasking = true;
          _this.inputSpec = [{ minNDim: 2 }];
          return _this;
        }
        Dense2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          var inputLastDim = inputShape[inputShape.length - 1];
          if (this.kernel == null) {
            this.kernel = this.addWeight("kernel", [inputLastDim, this.units], null, this.kernelInitializer, this.kernelRegularizer, true, this.kernelConstraint);
            if (this.useBias) {
              this.bias = this.addWeight("bias", [this.units], null, this.biasInitializer, this.biasRegularizer, true, this.biasConstraint);
            }
          }
          this.inputSpec = [{ minNDim: 2, axes: (_a2 = {}, _a2[-1] = inputLastDim, _a2) }];
          this.built = true;
        };
        Dense2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var outputShape = inputShape.slice();
          outputShape[outputShape.length - 1] = this.units;
          return outputShape;
        };
        Dense2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            var fusedActivationName = mapActivationToFusedKernel(_this.activation.getClassName());
            var output;
            if (fusedActivationName != null) {
              output = dot$1(input2, _this.kernel.read(), fusedActivationName, _this.bias ? _this.bias.read() : null);
            } else {
              output = dot$1(input2, _this.kernel.read());
              if (_this.bias != null) {
                output = biasAdd(output, _this.bias.read());
              }
              if (_this.activation != null) {
                output = _this.activation.apply(output);
              }
            }
            return output;
          });
        };
        Dense2.prototype.getConfig = function() {
          var config = {
            units: this.units,
            activation: serializeActivation(this.activation),
            useBias: this.useBias,
            kernelInitializer: serializeInitializer(this.kernelInitializer),
            biasInitializer: serializeInitializer(this.biasInitializer),
            kernelRegularizer: serializeRegularizer(this.kernelRegularizer),
            biasRegularizer: serializeRegularizer(this.biasRegularizer),
            activityRegularizer: serializeRegularizer(this.activityRegularizer),
            kernelConstraint: serializeConstraint(this.kernelConstraint),
            biasConstraint: serializeConstraint(this.biasConstraint)
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Dense2;
      })(Layer)
    );
    Dense.className = "Dense";
    tfc.serialization.registerClass(Dense);
    var Flatten = (
      /** @class */
      (function(_super) {
        __extends(Flatten2, _super);
        function Flatten2(args) {
          var _this = this;
          args = args || {};
          _this = _super.call(this, args) || this;
          _this.inputSpec = [{ minNDim: 3 }];
          _this.dataFormat = args.dataFormat;
          return _this;
        }
        Flatten2.prototype.computeOutputShape = function(inputShape) {
          var e_12, _a2;
          inputShape = getExactlyOneShape(inputShape);
          try {
            for (var _b = __values(inputShape.slice(1)), _c = _b.next(); !_c.done; _c = _b.next()) {
              var dim = _c.value;
              if (dim == null) {
                throw new ValueError('The shape of the input to "Flatten" is not fully defined ' + "(got ".concat(inputShape.slice(1), "). Make sure to pass a complete ") + '"input_shape" or "batch_input_shape" argument to the first layer in your model.');
              }
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
          return [inputShape[0], arrayProd(inputShape, 1)];
        };
        Flatten2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            if (_this.dataFormat === "channelsFirst" && input2.rank > 1) {
              var permutation = [0];
              for (var i = 2; i < input2.rank; ++i) {
                permutation.push(i);
              }
              permutation.push(1);
              input2 = tfc.transpose(input2, permutation);
            }
            return batchFlatten(input2);
          });
        };
        Flatten2.prototype.getConfig = function() {
          var config = {};
          if (this.dataFormat != null) {
            config["dataFormat"] = this.dataFormat;
          }
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Flatten2;
      })(Layer)
    );
    Flatten.className = "Flatten";
    tfc.serialization.registerClass(Flatten);
    var Activation = (
      /** @class */
      (function(_super) {
        __extends(Activation2, _super);
        function Activation2(args) {
          var _this = _super.call(this, args) || this;
          _this.supportsMasking = true;
          _this.activation = getActivation(args.activation);
          return _this;
        }
        Activation2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            return _this.activation.apply(input2);
          });
        };
        Activation2.prototype.getConfig = function() {
          var config = { activation: serializeActivation(this.activation) };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Activation2;
      })(Layer)
    );
    Activation.className = "Activation";
    tfc.serialization.registerClass(Activation);
    var RepeatVector = (
      /** @class */
      (function(_super) {
        __extends(RepeatVector2, _super);
        function RepeatVector2(args) {
          var _this = _super.call(this, args) || this;
          _this.n = args.n;
          _this.inputSpec = [{ ndim: 2 }];
          return _this;
        }
        RepeatVector2.prototype.computeOutputShape = function(inputShape) {
          return [inputShape[0], this.n, inputShape[1]];
        };
        RepeatVector2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            return repeat(inputs, _this.n);
          });
        };
        RepeatVector2.prototype.getConfig = function() {
          var config = {
            n: this.n
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return RepeatVector2;
      })(Layer)
    );
    RepeatVector.className = "RepeatVector";
    tfc.serialization.registerClass(RepeatVector);
    var Reshape = (
      /** @class */
      (function(_super) {
        __extends(Reshape2, _super);
        function Reshape2(args) {
          var _this = _super.call(this, args) || this;
          _this.targetShape = args.targetShape;
          for (var i = 0; i < _this.targetShape.length; ++i) {
            if (_this.isUnknown(_this.targetShape[i])) {
              _this.targetShape[i] = null;
            }
          }
          return _this;
        }
        Reshape2.prototype.isUnknown = function(dim) {
          return dim < 0 || dim == null;
        };
        Reshape2.prototype.fixUnknownDimension = function(inputShape, outputShape) {
          var errorMsg = "Total size of new array must be unchanged.";
          var finalShape = outputShape.slice();
          var known = 1;
          var unknown = null;
          for (var i = 0; i < finalShape.length; ++i) {
            var dim = finalShape[i];
            if (this.isUnknown(dim)) {
              if (unknown === null) {
                unknown = i;
              } else {
                throw new ValueError("Can only specifiy one unknown dimension.");
              }
            } else {
              known *= dim;
            }
          }
          var originalSize = arrayProd(inputShape);
          if (unknown !== null) {
            if (known === 0 || originalSize % known !== 0) {
              throw new ValueError(errorMsg);
            }
            finalShape[unknown] = originalSize / known;
          } else if (originalSize !== known) {
            throw new ValueError(errorMsg);
          }
          return finalShape;
        };
        Reshape2.prototype.computeOutputShape = function(inputShape) {
          var anyUnknownDims = false;
          for (var i = 0; i < inputShape.length; ++i) {
            if (this.isUnknown(inputShape[i])) {
              anyUnknownDims = true;
              break;
            }
          }
          if (anyUnknownDims) {
            return inputShape.slice(0, 1).concat(this.targetShape);
          } else {
            return inputShape.slice(0, 1).concat(this.fixUnknownDimension(inputShape.slice(1), this.targetShape));
          }
        };
        Reshape2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            var inputShape = input2.shape;
            var outputShape = inputShape.slice(0, 1).concat(_this.fixUnknownDimension(inputShape.slice(1), _this.targetShape));
            return tfc.reshape(input2, outputShape);
          });
        };
        Reshape2.prototype.getConfig = function() {
          var config = {
            targetShape: this.targetShape
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Reshape2;
      })(Layer)
    );
    Reshape.className = "Reshape";
    tfc.serialization.registerClass(Reshape);
    var Permute = (
      /** @class */
      (function(_super) {
        __extends(Permute2, _super);
        function Permute2(args) {
          var _this = _super.call(this, args) || this;
          if (args.dims == null) {
            throw new Error("Required configuration field `dims` is missing during Permute constructor call.");
          }
          if (!Array.isArray(args.dims)) {
            throw new Error("Permute constructor requires `dims` to be an Array, but received " + "".concat(args.dims, " instead."));
          }
          var expectedSortedIndices = range(1, args.dims.length + 1);
          if (!tfc.util.arraysEqual(args.dims.slice().sort(), expectedSortedIndices)) {
            throw new Error("Invalid permutation `dims`: " + JSON.stringify(args.dims) + " `dims` must contain consecutive integers starting from 1.");
          }
          _this.dims = args.dims;
          _this.dimsIncludingBatch = [0].concat(_this.dims);
          _this.inputSpec = [new InputSpec({ ndim: _this.dims.length + 1 })];
          return _this;
        }
        Permute2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var outputShape = inputShape.slice();
          this.dims.forEach(function(dim, i) {
            outputShape[i + 1] = inputShape[dim];
          });
          return outputShape;
        };
        Permute2.prototype.call = function(inputs, kwargs) {
          return tfc.transpose(getExactlyOneTensor(inputs), this.dimsIncludingBatch);
        };
        Permute2.prototype.getConfig = function() {
          var config = {
            dims: this.dims
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Permute2;
      })(Layer)
    );
    Permute.className = "Permute";
    tfc.serialization.registerClass(Permute);
    var Masking = (
      /** @class */
      (function(_super) {
        __extends(Masking2, _super);
        function Masking2(args) {
          var _this = _super.call(this, args == null ? {} : args) || this;
          _this.supportsMasking = true;
          if (args != null) {
            _this.maskValue = args.maskValue == null ? 0 : args.maskValue;
          } else {
            _this.maskValue = 0;
          }
          return _this;
        }
        Masking2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        Masking2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = { maskValue: this.maskValue };
          Object.assign(config, baseConfig);
          return config;
        };
        Masking2.prototype.computeMask = function(inputs, mask) {
          var input2 = getExactlyOneTensor(inputs);
          var axis = -1;
          return tfc.any(tfc.notEqual(input2, this.maskValue), axis);
        };
        Masking2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            var axis = -1;
            var keepDims = true;
            var booleanMask = tfc.any(tfc.notEqual(input2, _this.maskValue), axis, keepDims);
            var output = tfc.mul(input2, tfc.cast(booleanMask, input2.dtype));
            return output;
          });
        };
        return Masking2;
      })(Layer)
    );
    Masking.className = "Masking";
    tfc.serialization.registerClass(Masking);
    var Embedding = (
      /** @class */
      (function(_super) {
        __extends(Embedding2, _super);
        function Embedding2(args) {
          var _this = _super.call(this, args) || this;
          _this.embeddings = null;
          _this.DEFAULT_EMBEDDINGS_INITIALIZER = "randomUniform";
          if (args.batchInputShape == null && args.inputShape == null) {
            var batchSize = null;
            if (args.batchSize != null) {
              batchSize = args.batchSize;
            }
            if (args.inputLength == null) {
              _this.batchInputShape = [batchSize, null];
            } else {
              _this.batchInputShape = [batchSize].concat(toList(args.inputLength));
            }
          }
          _this.inputDim = args.inputDim;
          assertPositiveInteger(_this.inputDim, "inputDim");
          _this.outputDim = args.outputDim;
          assertPositiveInteger(_this.outputDim, "outputDim");
          _this.embeddingsInitializer = getInitializer(args.embeddingsInitializer || _this.DEFAULT_EMBEDDINGS_INITIALIZER);
          _this.embeddingsRegularizer = getRegularizer(args.embeddingsRegularizer);
          _this.activityRegularizer = getRegularizer(args.activityRegularizer);
          _this.embeddingsConstraint = getConstraint(args.embeddingsConstraint);
          _this.maskZero = args.maskZero;
          _this.supportsMasking = args.maskZero;
          _this.inputLength = args.inputLength;
          return _this;
        }
        Embedding2.prototype.build = function(inputShape) {
          this.embeddings = this.addWeight("embeddings", [this.inputDim, this.outputDim], this.dtype, this.embeddingsInitializer, this.embeddingsRegularizer, true, this.embeddingsConstraint);
          this.built = true;
        };
        Embedding2.prototype.warnOnIncompatibleInputShape = function(inputShape) {
        };
        Embedding2.prototype.computeMask = function(inputs, mask) {
          var _this = this;
          return tfc.tidy(function() {
            if (!_this.maskZero) {
              return null;
            } else {
              inputs = getExactlyOneTensor(inputs);
              return tfc.notEqual(inputs, tfc.zerosLike(inputs));
            }
          });
        };
        Embedding2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          if (this.inputLength == null) {
            return __spreadArray(__spreadArray([], __read(inputShape), false), [this.outputDim], false);
          }
          var inLens = toList(this.inputLength);
          if (inLens.length !== inputShape.length - 1) {
            throw new ValueError('"inputLength" is '.concat(this.inputLength, ", but received ") + "input shape has shape ".concat(inputShape));
          } else {
            var i = 0;
            for (var k = 0; k < inLens.length; ++k) {
              var s1 = inLens[k];
              var s2 = inputShape[k + 1];
              if (s1 != null && s2 != null && s1 !== s2) {
                throw new ValueError('"inputLength" is '.concat(this.inputLength, ", but received ") + "input shape has shape ".concat(inputShape));
              } else if (s1 == null) {
                inLens[i] = s2;
              }
              i++;
            }
          }
          return __spreadArray(__spreadArray([inputShape[0]], __read(inLens), false), [this.outputDim], false);
        };
        Embedding2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            if (input2.dtype !== "int32") {
              input2 = cast$1(input2, "int32");
            }
            var output = gather$1(_this.embeddings.read(), tfc.reshape(input2, [input2.size]));
            return tfc.reshape(output, getExactlyOneShape(_this.computeOutputShape(input2.shape)));
          });
        };
        Embedding2.prototype.getConfig = function() {
          var config = {
            inputDim: this.inputDim,
            outputDim: this.outputDim,
            embeddingsInitializer: serializeInitializer(this.embeddingsInitializer),
            embeddingsRegularizer: serializeRegularizer(this.embeddingsRegularizer),
            activityRegularizer: serializeRegularizer(this.activityRegularizer),
            embeddingsConstraint: serializeConstraint(this.embeddingsConstraint),
            maskZero: this.maskZero,
            inputLength: this.inputLength
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Embedding2;
      })(Layer)
    );
    Embedding.className = "Embedding";
    tfc.serialization.registerClass(Embedding);
    var Merge = (
      /** @class */
      (function(_super) {
        __extends(Merge2, _super);
        function Merge2(args) {
          var _this = _super.call(this, args || {}) || this;
          _this.supportsMasking = true;
          return _this;
        }
        Merge2.prototype.mergeFunction = function(inputs) {
          throw new NotImplementedError();
        };
        Merge2.prototype.computeElementwiseOpOutputShape = function(shape1, shape2) {
          if (shape1 == null || shape2 == null) {
            return null;
          } else if (shape1.length < shape2.length) {
            return this.computeElementwiseOpOutputShape(shape2, shape1);
          } else if (shape2.length === 0) {
            return shape1;
          }
          var outputShape = shape1.slice(0, shape1.length - shape2.length);
          for (var k = 0; k < shape2.length; ++k) {
            var i = shape1[shape1.length - shape2.length + k];
            var j = shape2[k];
            if (i == null || j == null || i < 0 || j < 0) {
              outputShape.push(null);
            } else if (i === 1) {
              outputShape.push(j);
            } else if (j === 1) {
              outputShape.push(i);
            } else {
              if (i !== j) {
                throw new ValueError("Operands could not be broadcast together with shapes " + JSON.stringify(shape1) + " " + JSON.stringify(shape2));
              }
              outputShape.push(i);
            }
          }
          return outputShape;
        };
        Merge2.prototype.build = function(inputShape) {
          var e_12, _a2;
          if (Array.isArray(inputShape) && !Array.isArray(inputShape[0])) {
            inputShape = [getExactlyOneShape(inputShape)];
          }
          inputShape = inputShape;
          if (inputShape.length < 2) {
            throw new ValueError("A merge layer should be called on an Array of at least 2 inputs." + " Got ".concat(inputShape.length, " input(s)."));
          }
          var batchSizes = [];
          try {
            for (var inputShape_1 = __values(inputShape), inputShape_1_1 = inputShape_1.next(); !inputShape_1_1.done; inputShape_1_1 = inputShape_1.next()) {
              var shape = inputShape_1_1.value;
              if (shape != null && shape[0] !== null) {
                batchSizes.push(shape[0]);
              }
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (inputShape_1_1 && !inputShape_1_1.done && (_a2 = inputShape_1.return)) _a2.call(inputShape_1);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
          batchSizes = unique(batchSizes);
          if (batchSizes.length > 1) {
            throw new ValueError("Can not merge tensors with different batch sizes. " + "Got tensors with shapes: ".concat(JSON.stringify(inputShape), "."));
          }
          var outputShape = inputShape[0] == null ? null : inputShape[0].slice(1);
          for (var i = 1; i < inputShape.length; ++i) {
            var shape = inputShape[i] == null ? null : inputShape[i].slice(1);
            outputShape = this.computeElementwiseOpOutputShape(outputShape, shape);
          }
          var allRanks = inputShape.map(function(shape2) {
            return shape2.length;
          });
          if (inputShape.indexOf(null) === -1 && unique(allRanks).length === 1) {
            this.reshapeRequired = false;
          } else {
            this.reshapeRequired = true;
          }
        };
        Merge2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var e_2, _a2, e_3, _b;
            inputs = inputs;
            if (_this.reshapeRequired) {
              var reshapedInputs = [];
              var inputDims = inputs.map(function(input2) {
                return input2.rank;
              });
              if (inputDims.indexOf(null) === -1) {
                var maxNDim = max(inputDims);
                try {
                  for (var inputs_1 = __values(inputs), inputs_1_1 = inputs_1.next(); !inputs_1_1.done; inputs_1_1 = inputs_1.next()) {
                    var x = inputs_1_1.value;
                    var xNDim = x.rank;
                    for (var k = 0; k < maxNDim - xNDim; ++k) {
                      x = expandDims$1(x, 1);
                    }
                    reshapedInputs.push(x);
                  }
                } catch (e_2_1) {
                  e_2 = { error: e_2_1 };
                } finally {
                  try {
                    if (inputs_1_1 && !inputs_1_1.done && (_a2 = inputs_1.return)) _a2.call(inputs_1);
                  } finally {
                    if (e_2) throw e_2.error;
                  }
                }
                return _this.mergeFunction(reshapedInputs);
              } else {
                var transposed = false;
                try {
                  for (var inputs_2 = __values(inputs), inputs_2_1 = inputs_2.next(); !inputs_2_1.done; inputs_2_1 = inputs_2.next()) {
                    var x = inputs_2_1.value;
                    var xNDim = x.rank;
                    if (xNDim == null) {
                      var xShape = x.shape;
                      var batchSize = xShape[0];
                      var newShape = xShape.slice(1).concat([batchSize]);
                      var xTransposed = tfc__namespace.reshape(x, [batchSize].concat(arrayProd(xShape.slice(1))));
                      xTransposed = tfc__namespace.transpose(xTransposed, [1, 0]);
                      xTransposed = tfc__namespace.reshape(xTransposed, newShape);
                      reshapedInputs.push(xTransposed);
                      transposed = true;
                    } else if (xNDim > 1) {
                      var dims = range(1, xNDim).concat([0]);
                      reshapedInputs.push(tfc__namespace.transpose(x, dims));
                      transposed = true;
                    } else {
                      reshapedInputs.push(x);
                    }
                  }
                } catch (e_3_1) {
                  e_3 = { error: e_3_1 };
                } finally {
                  try {
                    if (inputs_2_1 && !inputs_2_1.done && (_b = inputs_2.return)) _b.call(inputs_2);
                  } finally {
                    if (e_3) throw e_3.error;
                  }
                }
                var y = _this.mergeFunction(reshapedInputs);
                var yNDim = y.rank;
                if (transposed) {
                  if (yNDim == null) {
                    var yShape = y.shape;
                    var yNDim_1 = yShape.length;
                    var batchSize = yShape[yNDim_1 - 1];
                    var newShape = [batchSize].concat(yShape.slice(0, yShape.length - 1));
                    y = tfc__namespace.reshape(tfc__namespace.transpose(tfc__namespace.reshape(y, [-1, batchSize]), [1, 0]), newShape);
                  } else if (yNDim > 1) {
                    var dims = [yNDim - 1].concat(range(0, yNDim - 1));
                    y = tfc__namespace.transpose(y, dims);
                  }
                }
                return y;
              }
            } else {
              return _this.mergeFunction(inputs);
            }
          });
        };
        Merge2.prototype.computeOutputShape = function(inputShape) {
          var e_4, _a2;
          inputShape = inputShape;
          var outputShape;
          if (inputShape[0] == null) {
            outputShape = null;
          } else {
            outputShape = inputShape[0].slice(1);
          }
          for (var i = 1; i < inputShape.length; ++i) {
            var shape = inputShape[i] == null ? null : inputShape[i].slice(1);
            outputShape = this.computeElementwiseOpOutputShape(outputShape, shape);
          }
          var batchSizes = [];
          try {
            for (var inputShape_2 = __values(inputShape), inputShape_2_1 = inputShape_2.next(); !inputShape_2_1.done; inputShape_2_1 = inputShape_2.next()) {
              var shape = inputShape_2_1.value;
              if (shape != null && shape[0] !== null) {
                batchSizes.push(shape[0]);
              }
            }
          } catch (e_4_1) {
            e_4 = { error: e_4_1 };
          } finally {
            try {
              if (inputShape_2_1 && !inputShape_2_1.done && (_a2 = inputShape_2.return)) _a2.call(inputShape_2);
            } finally {
              if (e_4) throw e_4.error;
            }
          }
          batchSizes = unique(batchSizes);
          if (batchSizes.length === 1) {
            outputShape = batchSizes.concat(outputShape);
          } else {
            outputShape = [null].concat(outputShape);
          }
          return outputShape;
        };
        Merge2.prototype.computeMask = function(inputs, mask) {
          return tfc__namespace.tidy(function() {
            if (mask == null) {
              return null;
            }
            if (!Array.isArray(mask)) {
              throw new ValueError("`mask` should be an Array");
            }
            if (!Array.isArray(inputs)) {
              throw new ValueError("`inputs` should be an Array");
            }
            if (mask.length !== inputs.length) {
              throw new ValueError("The Array 'inputs' and 'mask' are expected to have the same length, but have different lengths " + "(".concat(inputs.length, " vs ").concat(mask.length, ")"));
            }
            if (mask.every(function(m) {
              return m == null;
            })) {
              return null;
            }
            mask = mask.map(function(m) {
              return m == null ? m : tfc__namespace.expandDims(m, 0);
            });
            var output = mask[0];
            for (var i = 1; i < mask.length - 1; ++i) {
              output = tfc__namespace.logicalAnd(output, mask[i]);
            }
            return output;
          });
        };
        return Merge2;
      })(Layer)
    );
    var Add = (
      /** @class */
      (function(_super) {
        __extends(Add2, _super);
        function Add2(args) {
          return _super.call(this, args) || this;
        }
        Add2.prototype.mergeFunction = function(inputs) {
          return tfc.tidy(function() {
            var output = inputs[0].clone();
            for (var i = 1; i < inputs.length; ++i) {
              output = tfc__namespace.add(output, inputs[i]);
            }
            return output;
          });
        };
        return Add2;
      })(Merge)
    );
    Add.className = "Add";
    tfc.serialization.registerClass(Add);
    var Multiply = (
      /** @class */
      (function(_super) {
        __extends(Multiply2, _super);
        function Multiply2(args) {
          return _super.call(this, args) || this;
        }
        Multiply2.prototype.mergeFunction = function(inputs) {
          return tfc.tidy(function() {
            var output = inputs[0].clone();
            for (var i = 1; i < inputs.length; ++i) {
              output = tfc__namespace.mul(output, inputs[i]);
            }
            return output;
          });
        };
        return Multiply2;
      })(Merge)
    );
    Multiply.className = "Multiply";
    tfc.serialization.registerClass(Multiply);
    var Average = (
      /** @class */
      (function(_super) {
        __extends(Average2, _super);
        function Average2(args) {
          return _super.call(this, args) || this;
        }
        Average2.prototype.mergeFunction = function(inputs) {
          return tfc.tidy(function() {
            var output = inputs[0].clone();
            for (var i = 1; i < inputs.length; ++i) {
              output = tfc__namespace.add(output, inputs[i]);
            }
            return tfc__namespace.mul(1 / inputs.length, output);
          });
        };
        return Average2;
      })(Merge)
    );
    Average.className = "Average";
    tfc.serialization.registerClass(Average);
    var Maximum = (
      /** @class */
      (function(_super) {
        __extends(Maximum2, _super);
        function Maximum2(args) {
          return _super.call(this, args) || this;
        }
        Maximum2.prototype.mergeFunction = function(inputs) {
          return tfc.tidy(function() {
            var output = inputs[0];
            for (var i = 1; i < inputs.length; ++i) {
              output = tfc__namespace.maximum(output, inputs[i]);
            }
            return output;
          });
        };
        return Maximum2;
      })(Merge)
    );
    Maximum.className = "Maximum";
    tfc.serialization.registerClass(Maximum);
    var Minimum = (
      /** @class */
      (function(_super) {
        __extends(Minimum2, _super);
        function Minimum2(args) {
          return _super.call(this, args) || this;
        }
        Minimum2.prototype.mergeFunction = function(inputs) {
          return tfc.tidy(function() {
            var output = inputs[0];
            for (var i = 1; i < inputs.length; ++i) {
              output = tfc__namespace.minimum(output, inputs[i]);
            }
            return output;
          });
        };
        return Minimum2;
      })(Merge)
    );
    Minimum.className = "Minimum";
    tfc.serialization.registerClass(Minimum);
    var Concatenate = (
      /** @class */
      (function(_super) {
        __extends(Concatenate2, _super);
        function Concatenate2(args) {
          var _this = _super.call(this, args) || this;
          _this.DEFAULT_AXIS = -1;
          if (args == null) {
            args = {};
          }
          _this.axis = args.axis == null ? _this.DEFAULT_AXIS : args.axis;
          _this.supportsMasking = true;
          _this.reshapeRequired = false;
          return _this;
        }
        Concatenate2.prototype.build = function(inputShape) {
          var e_5, _a2, e_6, _b;
          if (!(Array.isArray(inputShape) && Array.isArray(inputShape[0])) || inputShape.length === 1) {
            throw new ValueError("A `Concatenate` layer should be called on a list of at least 2 inputs");
          }
          inputShape = inputShape;
          var allNoneShape = true;
          try {
            for (var inputShape_3 = __values(inputShape), inputShape_3_1 = inputShape_3.next(); !inputShape_3_1.done; inputShape_3_1 = inputShape_3.next()) {
              var shape = inputShape_3_1.value;
              if (shape != null) {
                allNoneShape = false;
                break;
              }
            }
          } catch (e_5_1) {
            e_5 = { error: e_5_1 };
          } finally {
            try {
              if (inputShape_3_1 && !inputShape_3_1.done && (_a2 = inputShape_3.return)) _a2.call(inputShape_3);
            } finally {
              if (e_5) throw e_5.error;
            }
          }
          if (allNoneShape) {
            return;
          }
          var shapeSet = [];
          for (var i = 0; i < inputShape.length; ++i) {
            var shapeWithoutConcatAxis = inputShape[i].slice();
            shapeWithoutConcatAxis.splice(this.axis, 1);
            var exists = false;
            try {
              for (var shapeSet_1 = (e_6 = void 0, __values(shapeSet)), shapeSet_1_1 = shapeSet_1.next(); !shapeSet_1_1.done; shapeSet_1_1 = shapeSet_1.next()) {
                var shape = shapeSet_1_1.value;
                if (tfc.util.arraysEqual(shape, shapeWithoutConcatAxis)) {
                  exists = true;
                  break;
                }
              }
            } catch (e_6_1) {
              e_6 = { error: e_6_1 };
            } finally {
              try {
                if (shapeSet_1_1 && !shapeSet_1_1.done && (_b = shapeSet_1.return)) _b.call(shapeSet_1);
              } finally {
                if (e_6) throw e_6.error;
              }
            }
            if (!exists) {
              shapeSet.push(shapeWithoutConcatAxis);
            }
          }
          if (shapeSet.length > 1) {
            throw new ValueError("A `Concatenate` layer requires inputs with matching shapes except for the concat axis. Got input shapes: " + JSON.stringify(inputShape));
          }
        };
        Concatenate2.prototype.mergeFunction = function(inputs) {
          var _this = this;
          return tfc.tidy(function() {
            return concatenate$1(inputs, _this.axis);
          });
        };
        Concatenate2.prototype.computeOutputShape = function(inputShape) {
          var e_7, _a2;
          if (!(Array.isArray(inputShape) && Array.isArray(inputShape[0]))) {
            throw new ValueError("A `Concatenate` layer should be called on a list of inputs.");
          }
          var inputShapes = inputShape;
          var outputShape = inputShapes[0].slice();
          var axis = this.axis < 0 ? outputShape.length + this.axis : this.axis;
          try {
            for (var _b = __values(inputShapes.slice(1)), _c = _b.next(); !_c.done; _c = _b.next()) {
              var shape = _c.value;
              if (outputShape[axis] == null || shape[axis] == null) {
                outputShape[axis] = null;
                break;
              }
              outputShape[axis] += shape[axis];
            }
          } catch (e_7_1) {
            e_7 = { error: e_7_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_7) throw e_7.error;
            }
          }
          return outputShape;
        };
        Concatenate2.prototype.computeMask = function(inputs, mask) {
          var _this = this;
          if (mask == null) {
            return null;
          }
          if (!Array.isArray(mask)) {
            throw new ValueError("`mask` should be an array for Concatenate");
          }
          if (!Array.isArray(inputs)) {
            throw new ValueError("`inputs` should be an array for Concatenate");
          }
          if (mask.length !== inputs.length) {
            throw new ValueError("Mismatch in the length of mask (".concat(mask.length, ") ") + "and the legnth of inputs (".concat(inputs.length, ")"));
          }
          return tfc__namespace.tidy(function() {
            var allNullMasks = true;
            mask.forEach(function(m) {
              if (m != null) {
                allNullMasks = false;
                return;
              }
            });
            if (allNullMasks) {
              return null;
            }
            var outputMasks = [];
            for (var i = 0; i < inputs.length; ++i) {
              if (mask[i] == null) {
                outputMasks.push(tfc__namespace.cast(tfc__namespace.onesLike(inputs[i]), "bool"));
              } else if (mask[i].rank < inputs[i].rank) {
                outputMasks.push(tfc__namespace.expandDims(mask[i], -1));
              } else {
                outputMasks.push(mask[i]);
              }
            }
            var concatenatedMasks = tfc__namespace.concat(outputMasks, _this.axis);
            return tfc__namespace.all(concatenatedMasks, -1, false);
          });
        };
        Concatenate2.prototype.getConfig = function() {
          var config = {
            "axis": this.axis
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Concatenate2;
      })(Merge)
    );
    Concatenate.className = "Concatenate";
    tfc.serialization.registerClass(Concatenate);
    function interpretAxis(axis, dim) {
      while (axis < 0) {
        axis += dim;
      }
      return axis;
    }
    function batchDot(x, y, axes) {
      if (x.shape.length > 3 || y.shape.length > 3) {
        throw new NotImplementedError("batchDot is not implemented for tensors of 4D or higher rank yet");
      }
      tfc__namespace.util.assert(x.shape.length >= 2, function() {
        return "batchDot requires the rank of x to be >= 2, " + "but got ".concat(x.shape.length);
      });
      tfc__namespace.util.assert(x.shape.length >= 2, function() {
        return "batchDot requires the rank of y to be >= 2, " + "but got ".concat(y.shape.length);
      });
      if (typeof axes === "number") {
        axes = [axes, axes];
      }
      if (x.dtype === "complex64" || y.dtype === "complex64") {
        throw new NotImplementedError("batchDot is not implemented for complex64-type Tensors yet.");
      }
      var xNDim = x.shape.length;
      var yNDim = y.shape.length;
      if (axes == null) {
        axes = [xNDim - 1, yNDim - 2];
      }
      var axesArray = axes;
      return tfc__namespace.tidy(function() {
        var diff;
        if (xNDim > yNDim) {
          diff = xNDim - yNDim;
          var diffShape = [];
          for (var i = 0; i < diff; ++i) {
            diffShape.push(1);
          }
          y = tfc__namespace.reshape(y, y.shape.concat(diffShape));
        } else if (yNDim > xNDim) {
          diff = yNDim - xNDim;
          var diffShape = [];
          for (var i = 0; i < diff; ++i) {
            diffShape.push(1);
          }
          x = tfc__namespace.reshape(x, x.shape.concat(diffShape));
        } else {
          diff = 0;
        }
        var out;
        if (x.shape.length === 2 && y.shape.length === 2) {
          if (axesArray[0] === axesArray[1]) {
            out = tfc__namespace.sum(tfc__namespace.mul(x, y), axesArray[0]);
          } else {
            out = tfc__namespace.sum(tfc__namespace.mul(tfc__namespace.transpose(x, [1, 0]), y), axesArray[1]);
          }
        } else {
          var adjX = axesArray[0] !== x.shape.length - 1;
          var adjY = axesArray[1] === y.shape.length - 1;
          out = tfc__namespace.matMul(x, y, adjX, adjY);
        }
        if (diff > 0) {
          var idx = void 0;
          if (xNDim > yNDim) {
            idx = xNDim + yNDim - 3;
          } else {
            idx = xNDim - 1;
          }
          var squeezeAxes = [];
          for (var i = idx; i < idx + diff; ++i) {
            squeezeAxes.push(i);
          }
          out = tfc__namespace.squeeze(out, squeezeAxes);
        }
        if (out.shape.length === 1) {
          out = tfc__namespace.expandDims(out, 1);
        }
        return out;
      });
    }
    var Dot = (
      /** @class */
      (function(_super) {
        __extends(Dot2, _super);
        function Dot2(args) {
          var _this = _super.call(this, args) || this;
          _this.axes = args.axes;
          _this.normalize = args.normalize == null ? false : args.normalize;
          _this.supportsMasking = true;
          _this.reshapeRequired = false;
          return _this;
        }
        Dot2.prototype.build = function(inputShape) {
          tfc__namespace.util.assert(Array.isArray(inputShape) && inputShape.length === 2 && Array.isArray(inputShape[0]) && Array.isArray(inputShape[1]), function() {
            return "A `Dot` layer should be called on a list of exactly 2 inputs.";
          });
          var shape1 = inputShape[0];
          var shape2 = inputShape[1];
          if (shape1.length > 3 || shape2.length > 3) {
            throw new NotImplementedError("Dot layer does not support tensors of 4D or higher rank yet.");
          }
          var axes = this.interpretAxes(shape1, shape2);
          if (shape1[axes[0]] !== shape2[axes[1]]) {
            throw new ValueError("Dimension incompatibility: " + "".concat(shape1[axes[0]], " !== ").concat(shape2[axes[1]]));
          }
        };
        Dot2.prototype.mergeFunction = function(inputs) {
          if (inputs.length !== 2) {
            throw new ValueError("A `Dot` layer must be called on exactly 2 inputs, " + "but received ".concat(inputs.length, " input(s)."));
          }
          var x1 = inputs[0];
          var x2 = inputs[1];
          var axes;
          if (!Array.isArray(this.axes)) {
            axes = [
              interpretAxis(this.axes, x1.shape.length),
              interpretAxis(this.axes, x2.shape.length)
            ];
          } else {
            axes = this.axes.map(function(axis, i) {
              return interpretAxis(axis, inputs[i].shape.length);
            });
          }
          if (this.normalize) {
            x1 = l2Normalize(x1, axes[0]);
            x2 = l2Normalize(x2, axes[1]);
          }
          return batchDot(x1, x2, axes);
        };
        Dot2.prototype.interpretAxes = function(shape1, shape2) {
          var axes;
          if (!Array.isArray(this.axes)) {
            axes = [
              interpretAxis(this.axes, shape1.length),
              interpretAxis(this.axes, shape2.length)
            ];
          } else {
            axes = this.axes;
          }
          return axes;
        };
        Dot2.prototype.computeOutputShape = function(inputShape) {
          tfc__namespace.util.assert(Array.isArray(inputShape) && inputShape.length === 2 && Array.isArray(inputShape[0]) && Array.isArray(inputShape[1]), function() {
            return "A `Dot` layer should be called on a list of exactly 2 inputs.";
          });
          var shape1 = inputShape[0].slice();
          var shape2 = inputShape[1].slice();
          if (shape1.length > 3 || shape2.length > 3) {
            throw new NotImplementedError("Dot layer does not support tensors of 4D or higher rank yet.");
          }
          var axes = this.interpretAxes(shape1, shape2);
          shape1.splice(axes[0], 1);
          shape2.splice(axes[1], 1);
          shape2.splice(0, 1);
          var outputShape = shape1.concat(shape2);
          if (outputShape.length === 1) {
            outputShape.push(1);
          }
          return outputShape;
        };
        Dot2.prototype.computeMask = function(inputs, mask) {
          return null;
        };
        Dot2.prototype.getConfig = function() {
          var config = {
            "axes": this.axes,
            "normalize": this.normalize
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Dot2;
      })(Merge)
    );
    Dot.className = "Dot";
    tfc.serialization.registerClass(Dot);
    var GaussianNoise = (
      /** @class */
      (function(_super) {
        __extends(GaussianNoise2, _super);
        function GaussianNoise2(args) {
          var _this = _super.call(this, args) || this;
          _this.supportsMasking = true;
          _this.stddev = args.stddev;
          return _this;
        }
        GaussianNoise2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        GaussianNoise2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = { stddev: this.stddev };
          Object.assign(config, baseConfig);
          return config;
        };
        GaussianNoise2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            var noised = function() {
              return tfc.add(randomNormal$1(input2.shape, 0, _this.stddev), input2);
            };
            var output = inTrainPhase(noised, function() {
              return input2;
            }, kwargs["training"] || false);
            return output;
          });
        };
        return GaussianNoise2;
      })(Layer)
    );
    GaussianNoise.className = "GaussianNoise";
    tfc.serialization.registerClass(GaussianNoise);
    var GaussianDropout = (
      /** @class */
      (function(_super) {
        __extends(GaussianDropout2, _super);
        function GaussianDropout2(args) {
          var _this = _super.call(this, args) || this;
          _this.supportsMasking = true;
          _this.rate = args.rate;
          return _this;
        }
        GaussianDropout2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        GaussianDropout2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = { rate: this.rate };
          Object.assign(config, baseConfig);
          return config;
        };
        GaussianDropout2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            var input2 = getExactlyOneTensor(inputs);
            if (_this.rate > 0 && _this.rate < 1) {
              var noised = function() {
                var stddev = Math.sqrt(_this.rate / (1 - _this.rate));
                return tfc.mul(input2, randomNormal$1(input2.shape, 1, stddev));
              };
              return inTrainPhase(noised, function() {
                return input2;
              }, kwargs["training"] || false);
            }
            return input2;
          });
        };
        return GaussianDropout2;
      })(Layer)
    );
    GaussianDropout.className = "GaussianDropout";
    tfc.serialization.registerClass(GaussianDropout);
    var AlphaDropout = (
      /** @class */
      (function(_super) {
        __extends(AlphaDropout2, _super);
        function AlphaDropout2(args) {
          var _this = _super.call(this, args) || this;
          _this.supportsMasking = true;
          _this.rate = args.rate;
          _this.noiseShape = args.noiseShape;
          return _this;
        }
        AlphaDropout2.prototype._getNoiseShape = function(inputs) {
          return this.noiseShape || getExactlyOneTensor(inputs).shape;
        };
        AlphaDropout2.prototype.computeOutputShape = function(inputShape) {
          return inputShape;
        };
        AlphaDropout2.prototype.getConfig = function() {
          var baseConfig = _super.prototype.getConfig.call(this);
          var config = { rate: this.rate };
          Object.assign(config, baseConfig);
          return config;
        };
        AlphaDropout2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            if (_this.rate < 1 && _this.rate > 0) {
              var noiseShape_1 = _this._getNoiseShape(inputs);
              var droppedInputs = function() {
                var input2 = getExactlyOneTensor(inputs);
                var alpha = 1.6732632423543772;
                var scale = 1.0507009873554805;
                var alphaP = -alpha * scale;
                var keptIdx = tfc.greaterEqual(tfc.randomUniform(noiseShape_1), _this.rate);
                keptIdx = cast$1(keptIdx, "float32");
                var a = Math.pow((1 - _this.rate) * (1 + _this.rate * Math.pow(alphaP, 2)), -0.5);
                var b = -a * alphaP * _this.rate;
                var x = tfc.add(tfc.mul(input2, keptIdx), tfc.mul(tfc.add(keptIdx, -1), alphaP));
                return tfc.add(tfc.mul(x, a), b);
              };
              return inTrainPhase(droppedInputs, function() {
                return getExactlyOneTensor(inputs);
              }, kwargs["training"] || false);
            }
            return inputs;
          });
        };
        return AlphaDropout2;
      })(Layer)
    );
    AlphaDropout.className = "AlphaDropout";
    tfc.serialization.registerClass(AlphaDropout);
    function batchNormalization$1(x, mean, variance, beta, gamma, epsilon2) {
      if (epsilon2 === void 0) {
        epsilon2 = 1e-3;
      }
      var out;
      if (x.rank === 2) {
        out = tfc__namespace.batchNorm2d(x, mean, variance, beta, gamma, epsilon2);
      } else if (x.rank === 3) {
        out = tfc__namespace.batchNorm3d(x, mean, variance, beta, gamma, epsilon2);
      } else if (x.rank === 4) {
        out = tfc__namespace.batchNorm4d(x, mean, variance, beta, gamma, epsilon2);
      } else {
        throw new NotImplementedError("batchNormalization is not implemented for array of rank ".concat(x.rank, " ") + "yet");
      }
      return out;
    }
    function regularNormalizeBatchInTraining(x, gamma, beta, reductionAxes, epsilon2) {
      if (epsilon2 === void 0) {
        epsilon2 = 1e-3;
      }
      return tfc.tidy(function() {
        var meanAndVariance = tfc__namespace.moments(x, reductionAxes);
        var mean = meanAndVariance.mean;
        var variance = meanAndVariance.variance;
        var normed = batchNormalization$1(x, mean, variance, beta, gamma, epsilon2);
        return [normed, mean, variance];
      });
    }
    function broadcastNormalizeBatchInTraining(x, gamma, beta, reductionAxes, epsilon2) {
      if (epsilon2 === void 0) {
        epsilon2 = 1e-3;
      }
      return tfc.tidy(function() {
        var e_12, _a2;
        var meanAndVariance = tfc__namespace.moments(x, reductionAxes);
        var mean = meanAndVariance.mean;
        var variance = meanAndVariance.variance;
        var targetShape = [];
        try {
          for (var _b = __values(range(0, x.rank)), _c = _b.next(); !_c.done; _c = _b.next()) {
            var axis = _c.value;
            if (reductionAxes.indexOf(axis) !== -1) {
              targetShape.push(1);
            } else {
              targetShape.push(x.shape[axis]);
            }
          }
        } catch (e_1_1) {
          e_12 = { error: e_1_1 };
        } finally {
          try {
            if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
          } finally {
            if (e_12) throw e_12.error;
          }
        }
        var broadcastMean = tfc.reshape(mean, targetShape);
        var broadcastVariance = tfc.reshape(variance, targetShape);
        var broadcastGamma = gamma == null ? null : tfc.reshape(gamma, targetShape);
        var broadcastBeta = beta == null ? null : tfc.reshape(beta, targetShape);
        var normed = batchNormalization$1(x, broadcastMean, broadcastVariance, broadcastBeta, broadcastGamma, epsilon2);
        return [normed, mean, variance];
      });
    }
    function normalizeBatchInTraining(x, gamma, beta, reductionAxes, epsilon2) {
      if (epsilon2 === void 0) {
        epsilon2 = 1e-3;
      }
      if (tfc.util.arraysEqual(reductionAxes.slice().sort(), range(0, x.rank - 1))) {
        return regularNormalizeBatchInTraining(x, gamma, beta, reductionAxes, epsilon2);
      } else {
        return broadcastNormalizeBatchInTraining(x, gamma, beta, reductionAxes, epsilon2);
      }
    }
    var BatchNormalization = (
      /** @class */
      (function(_super) {
        __extends(BatchNormalization2, _super);
        function BatchNormalization2(args) {
          var _this = this;
          if (args == null) {
            args = {};
          }
          _this = _super.call(this, args) || this;
          _this.supportsMasking = true;
          _this.axis = args.axis == null ? -1 : args.axis;
          _this.momentum = args.momentum == null ? 0.99 : args.momentum;
          _this.epsilon = args.epsilon == null ? 1e-3 : args.epsilon;
          _this.center = args.center == null ? true : args.center;
          _this.scale = args.scale == null ? true : args.scale;
          _this.betaInitializer = getInitializer(args.betaInitializer || "zeros");
          _this.gammaInitializer = getInitializer(args.gammaInitializer || "ones");
          _this.movingMeanInitializer = getInitializer(args.movingMeanInitializer || "zeros");
          _this.movingVarianceInitializer = getInitializer(args.movingVarianceInitializer || "ones");
          _this.betaConstraint = getConstraint(args.betaConstraint);
          _this.gammaConstraint = getConstraint(args.gammaConstraint);
          _this.betaRegularizer = getRegularizer(args.betaRegularizer);
          _this.gammaRegularizer = getRegularizer(args.gammaRegularizer);
          return _this;
        }
        BatchNormalization2.prototype.build = function(inputShape) {
          var _a2;
          inputShape = getExactlyOneShape(inputShape);
          var axis = this.axis >= 0 ? this.axis : this.axis + inputShape.length;
          var dim = inputShape[axis];
          if (dim == null) {
            throw new ValueError("Axis ".concat(axis, " of input tensor should have a defined dimension but ") + "the layer received an input with shape " + "".concat(JSON.stringify(inputShape), "."));
          }
          this.inputSpec = [new InputSpec({ ndim: inputShape.length, axes: (_a2 = {}, _a2[axis] = dim, _a2) })];
          var shape = [dim];
          if (this.scale) {
            this.gamma = this.addWeight("gamma", shape, null, this.gammaInitializer, this.gammaRegularizer, true, this.gammaConstraint);
          }
          if (this.center) {
            this.beta = this.addWeight("beta", shape, null, this.betaInitializer, this.betaRegularizer, true, this.betaConstraint);
          }
          this.movingMean = this.addWeight("moving_mean", shape, null, this.movingMeanInitializer, null, false);
          this.movingVariance = this.addWeight("moving_variance", shape, null, this.movingVarianceInitializer, null, false);
          this.built = true;
        };
        BatchNormalization2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var training = kwargs["training"] == null ? false : kwargs["training"];
            var input2 = getExactlyOneTensor(inputs);
            var inputShape = input2.shape;
            var ndim = inputShape.length;
            var reductionAxes = range(0, ndim);
            var axis = _this.axis >= 0 ? _this.axis : _this.axis + ndim;
            reductionAxes.splice(axis, 1);
            var broadcastShape = pyListRepeat(1, ndim);
            broadcastShape[axis] = inputShape[axis];
            var sortedReductionAxes = reductionAxes.slice();
            sortedReductionAxes.sort();
            var needsBroadcasting = !tfc.util.arraysEqual(sortedReductionAxes, range(0, ndim).slice(0, ndim - 1));
            var normalizeInference = function() {
              if (needsBroadcasting) {
                var broadcastMovingMean = tfc.reshape(_this.movingMean.read(), broadcastShape);
                var broadcastMovingVariance = tfc.reshape(_this.movingVariance.read(), broadcastShape);
                var broadcastBeta = _this.center ? tfc.reshape(_this.beta.read(), broadcastShape) : null;
                var broadcastGamma = _this.scale ? tfc.reshape(_this.gamma.read(), broadcastShape) : null;
                return batchNormalization$1(input2, broadcastMovingMean, broadcastMovingVariance, broadcastBeta, broadcastGamma, _this.epsilon);
              } else {
                return batchNormalization$1(input2, _this.movingMean.read(), _this.movingVariance.read(), _this.beta == null ? null : _this.beta.read(), _this.gamma == null ? null : _this.gamma.read(), _this.epsilon);
              }
            };
            if (!training) {
              return normalizeInference();
            }
            var _a2 = __read(normalizeBatchInTraining(input2, _this.gamma.read(), _this.beta.read(), reductionAxes, _this.epsilon), 3), normedTraining = _a2[0], mean = _a2[1], variance = _a2[2];
            var doMovingAverage = function(variable, value, momentum) {
              tfc__namespace.tidy(function() {
                var decay = 1 - momentum;
                var origValue = variable.read();
                var updateDelta = tfc__namespace.mul(tfc__namespace.sub(origValue, value), decay);
                variable.write(tfc__namespace.sub(origValue, updateDelta));
              });
            };
            var updateMovingMeanAndVariance = function() {
              doMovingAverage(_this.movingMean, mean, _this.momentum);
              doMovingAverage(_this.movingVariance, variance, _this.momentum);
            };
            updateMovingMeanAndVariance();
            return normedTraining;
          });
        };
        BatchNormalization2.prototype.getConfig = function() {
          var config = {
            axis: this.axis,
            momentum: this.momentum,
            epsilon: this.epsilon,
            center: this.center,
            scale: this.scale,
            betaInitializer: serializeInitializer(this.betaInitializer),
            gammaInitializer: serializeInitializer(this.gammaInitializer),
            movingMeanInitializer: serializeInitializer(this.movingMeanInitializer),
            movingVarianceInitializer: serializeInitializer(this.movingVarianceInitializer),
            betaRegularizer: serializeRegularizer(this.betaRegularizer),
            gammaRegularizer: serializeRegularizer(this.gammaRegularizer),
            betaConstraint: serializeConstraint(this.betaConstraint),
            gammaConstraint: serializeConstraint(this.gammaConstraint)
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return BatchNormalization2;
      })(Layer)
    );
    BatchNormalization.className = "BatchNormalization";
    tfc.serialization.registerClass(BatchNormalization);
    var LayerNormalization = (
      /** @class */
      (function(_super) {
        __extends(LayerNormalization2, _super);
        function LayerNormalization2(args) {
          var e_2, _a2;
          var _this = this;
          if (args == null) {
            args = {};
          }
          _this = _super.call(this, args) || this;
          _this.axis = args.axis == null ? -1 : args.axis;
          if (typeof _this.axis === "number") {
            if (!Number.isInteger(_this.axis)) {
              throw new Error("Expected axis to be an integer, but received ".concat(_this.axis));
            }
          } else if (Array.isArray(_this.axis)) {
            try {
              for (var _b = __values(_this.axis), _c = _b.next(); !_c.done; _c = _b.next()) {
                var axis = _c.value;
                if (!Number.isInteger(axis)) {
                  throw new Error("Expected axis to be an array of integers, " + "but received ".concat(JSON.stringify(_this.axis)));
                }
              }
            } catch (e_2_1) {
              e_2 = { error: e_2_1 };
            } finally {
              try {
                if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
              } finally {
                if (e_2) throw e_2.error;
              }
            }
          } else {
            throw new Error("Expected axis to be an integer or an array of integers, " + "but received ".concat(JSON.stringify(_this.axis)));
          }
          _this.epsilon = args.epsilon == null ? 1e-3 : args.epsilon;
          _this.center = args.center == null ? true : args.center;
          _this.scale = args.scale == null ? true : args.scale;
          _this.betaInitializer = getInitializer(args.betaInitializer || "zeros");
          _this.gammaInitializer = getInitializer(args.gammaInitializer || "ones");
          _this.betaRegularizer = getRegularizer(args.betaRegularizer);
          _this.gammaRegularizer = getRegularizer(args.gammaRegularizer);
          _this.supportsMasking = true;
          return _this;
        }
        LayerNormalization2.prototype.build = function(inputShape) {
          var e_3, _a2;
          inputShape = getExactlyOneShape(inputShape);
          var nDims = inputShape.length;
          if (typeof this.axis === "number") {
            this.axis = [this.axis];
          }
          for (var i = 0; i < this.axis.length; ++i) {
            if (this.axis[i] < 0) {
              this.axis[i] += nDims;
            }
          }
          try {
            for (var _b = __values(this.axis), _c = _b.next(); !_c.done; _c = _b.next()) {
              var axis = _c.value;
              if (axis < 0 || axis >= nDims) {
                throw new Error("Invalid axis: ".concat(axis));
              }
            }
          } catch (e_3_1) {
            e_3 = { error: e_3_1 };
          } finally {
            try {
              if (_c && !_c.done && (_a2 = _b.return)) _a2.call(_b);
            } finally {
              if (e_3) throw e_3.error;
            }
          }
          if (this.axis.length !== unique(this.axis).length) {
            throw new Error("Found duplicate axes in: ".concat(this.axis));
          }
          var paramShape = this.axis.map(function(axis2) {
            return inputShape[axis2];
          });
          var trainable = true;
          if (this.scale) {
            this.gamma = this.addWeight("gamma", paramShape, "float32", this.gammaInitializer, this.gammaRegularizer, trainable);
          } else {
            this.gamma = null;
          }
          if (this.center) {
            this.beta = this.addWeight("beta", paramShape, "float32", this.betaInitializer, this.betaRegularizer, trainable);
          } else {
            this.beta = null;
          }
          this.built = true;
        };
        LayerNormalization2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          var input2 = getExactlyOneTensor(inputs);
          var inputShape = input2.shape;
          var nDims = inputShape.length;
          return tfc.tidy(function() {
            var e_4, _a2;
            var keepDims = true;
            var _b = tfc.moments(input2, _this.axis, keepDims), mean = _b.mean, variance = _b.variance;
            var broadcastShape = pyListRepeat(1, nDims);
            try {
              for (var _c = __values(_this.axis), _d = _c.next(); !_d.done; _d = _c.next()) {
                var dim = _d.value;
                broadcastShape[dim] = inputShape[dim];
              }
            } catch (e_4_1) {
              e_4 = { error: e_4_1 };
            } finally {
              try {
                if (_d && !_d.done && (_a2 = _c.return)) _a2.call(_c);
              } finally {
                if (e_4) throw e_4.error;
              }
            }
            var broadcast = function(v) {
              if (v != null && v.shape.length !== nDims) {
                return tfc__namespace.reshape(v, broadcastShape);
              } else {
                return v;
              }
            };
            var scale = _this.scale ? broadcast(_this.gamma.read()) : null;
            var offset = _this.center ? broadcast(_this.beta.read()) : null;
            var momentsTiling = [];
            var scaleOffsetTiling = [];
            for (var i = 0; i < nDims; ++i) {
              if (_this.axis.indexOf(i) !== -1) {
                momentsTiling.push(inputShape[i]);
                scaleOffsetTiling.push(1);
              } else {
                momentsTiling.push(1);
                scaleOffsetTiling.push(inputShape[i]);
              }
            }
            mean = tfc__namespace.tile(mean, momentsTiling);
            variance = tfc__namespace.tile(variance, momentsTiling);
            if (scale != null) {
              scale = tfc__namespace.tile(scale, scaleOffsetTiling);
            }
            if (offset != null) {
              offset = tfc__namespace.tile(offset, scaleOffsetTiling);
            }
            return batchNormalization$1(input2, mean, variance, offset, scale, _this.epsilon);
          });
        };
        LayerNormalization2.prototype.getConfig = function() {
          var config = {
            axis: this.axis,
            epsilon: this.epsilon,
            center: this.center,
            scale: this.scale,
            betaInitializer: serializeInitializer(this.betaInitializer),
            gammaInitializer: serializeInitializer(this.gammaInitializer),
            betaRegularizer: serializeRegularizer(this.betaRegularizer),
            gammaRegularizer: serializeRegularizer(this.gammaRegularizer)
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return LayerNormalization2;
      })(Layer)
    );
    LayerNormalization.className = "LayerNormalization";
    tfc.serialization.registerClass(LayerNormalization);
    function spatial2dPadding(x, padding, dataFormat) {
      return tfc.tidy(function() {
        if (x.rank !== 4) {
          throw new ValueError("temporalPadding expects input tensor to be 4-D, but received a " + "".concat(x.rank, "-D tensor."));
        }
        if (padding == null) {
          padding = [[1, 1], [1, 1]];
        }
        if (padding.length !== 2 || padding[0].length !== 2 || padding[1].length !== 2) {
          throw new ValueError("spatial2dPadding expects `padding` to be an Array of two Arrays, each of which is an Array of two integers.");
        }
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        if (dataFormat !== "channelsLast" && dataFormat !== "channelsFirst") {
          throw new ValueError("Unknown data format: ".concat(dataFormat, ". ") + "Supported data formats are 'channelsLast' and 'channelsFirst.");
        }
        var pattern;
        if (dataFormat === "channelsFirst") {
          pattern = [[0, 0], [0, 0], padding[0], padding[1]];
        } else {
          pattern = [[0, 0], padding[0], padding[1], [0, 0]];
        }
        return tfc__namespace.pad(x, pattern);
      });
    }
    var ZeroPadding2D = (
      /** @class */
      (function(_super) {
        __extends(ZeroPadding2D2, _super);
        function ZeroPadding2D2(args) {
          var _this = this;
          if (args == null) {
            args = {};
          }
          _this = _super.call(this, args) || this;
          _this.dataFormat = args.dataFormat == null ? imageDataFormat() : args.dataFormat;
          if (args.padding == null) {
            _this.padding = [[1, 1], [1, 1]];
          } else if (typeof args.padding === "number") {
            _this.padding = [[args.padding, args.padding], [args.padding, args.padding]];
          } else {
            args.padding = args.padding;
            if (args.padding.length !== 2) {
              throw new ValueError("ZeroPadding2D expects padding to be a length-2 array, but " + "received a length-".concat(args.padding.length, " array."));
            }
            var heightPadding = void 0;
            var widthPadding = void 0;
            if (typeof args.padding[0] === "number") {
              heightPadding = [args.padding[0], args.padding[0]];
              widthPadding = [args.padding[1], args.padding[1]];
            } else {
              args.padding = args.padding;
              if (args.padding[0].length !== 2) {
                throw new ValueError("ZeroPadding2D expects height padding to be a length-2 array, " + "but received a length-".concat(args.padding[0].length, " array."));
              }
              heightPadding = args.padding[0];
              if (args.padding[1].length !== 2) {
                throw new ValueError("ZeroPadding2D expects width padding to be a length-2 array, " + "but received a length-".concat(args.padding[1].length, " array."));
              }
              widthPadding = args.padding[1];
            }
            _this.padding = [heightPadding, widthPadding];
          }
          _this.inputSpec = [new InputSpec({ ndim: 4 })];
          return _this;
        }
        ZeroPadding2D2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var rows;
          var cols;
          if (this.dataFormat === "channelsFirst") {
            if (inputShape[2] != null && inputShape[2] >= 0) {
              rows = inputShape[2] + this.padding[0][0] + this.padding[0][1];
            } else {
              rows = null;
            }
            if (inputShape[3] != null && inputShape[3] >= 0) {
              cols = inputShape[3] + this.padding[1][0] + this.padding[1][1];
            } else {
              cols = null;
            }
            return [inputShape[0], inputShape[1], rows, cols];
          } else {
            if (inputShape[1] != null && inputShape[1] >= 0) {
              rows = inputShape[1] + this.padding[0][0] + this.padding[0][1];
            } else {
              rows = null;
            }
            if (inputShape[2] != null && inputShape[2] >= 0) {
              cols = inputShape[2] + this.padding[1][0] + this.padding[1][1];
            } else {
              cols = null;
            }
            return [inputShape[0], rows, cols, inputShape[3]];
          }
        };
        ZeroPadding2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            return spatial2dPadding(getExactlyOneTensor(inputs), _this.padding, _this.dataFormat);
          });
        };
        ZeroPadding2D2.prototype.getConfig = function() {
          var config = {
            padding: this.padding,
            dataFormat: this.dataFormat
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return ZeroPadding2D2;
      })(Layer)
    );
    ZeroPadding2D.className = "ZeroPadding2D";
    tfc.serialization.registerClass(ZeroPadding2D);
    function pool2d(x, poolSize, strides, padding, dataFormat, poolMode) {
      return tfc.tidy(function() {
        checkDataFormat(dataFormat);
        checkPoolMode(poolMode);
        checkPaddingMode(padding);
        if (strides == null) {
          strides = [1, 1];
        }
        if (padding == null) {
          padding = "valid";
        }
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        if (poolMode == null) {
          poolMode = "max";
        }
        x = preprocessConv2DInput(x, dataFormat);
        var y;
        var paddingString = padding === "same" ? "same" : "valid";
        if (poolMode === "max") {
          y = tfc__namespace.maxPool(x, poolSize, strides, paddingString);
        } else {
          y = tfc__namespace.avgPool(
            // TODO(cais): Rank check?
            x,
            poolSize,
            strides,
            paddingString
          );
        }
        if (dataFormat === "channelsFirst") {
          y = tfc__namespace.transpose(y, [0, 3, 1, 2]);
        }
        return y;
      });
    }
    function pool3d(x, poolSize, strides, padding, dataFormat, poolMode) {
      return tfc.tidy(function() {
        checkDataFormat(dataFormat);
        checkPoolMode(poolMode);
        checkPaddingMode(padding);
        if (strides == null) {
          strides = [1, 1, 1];
        }
        if (padding == null) {
          padding = "valid";
        }
        if (dataFormat == null) {
          dataFormat = imageDataFormat();
        }
        if (poolMode == null) {
          poolMode = "max";
        }
        x = preprocessConv3DInput(x, dataFormat);
        var y;
        var paddingString = padding === "same" ? "same" : "valid";
        if (poolMode === "max") {
          y = tfc__namespace.maxPool3d(x, poolSize, strides, paddingString);
        } else {
          y = tfc__namespace.avgPool3d(x, poolSize, strides, paddingString);
        }
        if (dataFormat === "channelsFirst") {
          y = tfc__namespace.transpose(y, [0, 4, 1, 2, 3]);
        }
        return y;
      });
    }
    var Pooling1D = (
      /** @class */
      (function(_super) {
        __extends(Pooling1D2, _super);
        function Pooling1D2(args) {
          var _this = this;
          if (args.poolSize == null) {
            args.poolSize = 2;
          }
          _this = _super.call(this, args) || this;
          if (typeof args.poolSize === "number") {
            _this.poolSize = [args.poolSize];
          } else if (Array.isArray(args.poolSize) && args.poolSize.length === 1 && typeof args.poolSize[0] === "number") {
            _this.poolSize = args.poolSize;
          } else {
            throw new ValueError("poolSize for 1D convolutional layer must be a number or an Array of a single number, but received " + "".concat(JSON.stringify(args.poolSize)));
          }
          assertPositiveInteger(_this.poolSize, "poolSize");
          if (args.strides == null) {
            _this.strides = _this.poolSize;
          } else {
            if (typeof args.strides === "number") {
              _this.strides = [args.strides];
            } else if (Array.isArray(args.strides) && args.strides.length === 1 && typeof args.strides[0] === "number") {
              _this.strides = args.strides;
            } else {
              throw new ValueError("strides for 1D convolutional layer must be a number or an Array of a single number, but received " + "".concat(JSON.stringify(args.strides)));
            }
          }
          assertPositiveInteger(_this.strides, "strides");
          _this.padding = args.padding == null ? "valid" : args.padding;
          checkPaddingMode(_this.padding);
          _this.inputSpec = [new InputSpec({ ndim: 3 })];
          return _this;
        }
        Pooling1D2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var length = convOutputLength(inputShape[1], this.poolSize[0], this.padding, this.strides[0]);
          return [inputShape[0], length, inputShape[2]];
        };
        Pooling1D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            inputs = expandDims$1(getExactlyOneTensor(inputs), 2);
            var output = _this.poolingFunction(getExactlyOneTensor(inputs), [_this.poolSize[0], 1], [_this.strides[0], 1], _this.padding, "channelsLast");
            return tfc__namespace.squeeze(output, [2]);
          });
        };
        Pooling1D2.prototype.getConfig = function() {
          var config = {
            poolSize: this.poolSize,
            padding: this.padding,
            strides: this.strides
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Pooling1D2;
      })(Layer)
    );
    var MaxPooling1D = (
      /** @class */
      (function(_super) {
        __extends(MaxPooling1D2, _super);
        function MaxPooling1D2(args) {
          return _super.call(this, args) || this;
        }
        MaxPooling1D2.prototype.poolingFunction = function(inputs, poolSize, strides, padding, dataFormat) {
          checkDataFormat(dataFormat);
          checkPaddingMode(padding);
          return pool2d(inputs, poolSize, strides, padding, dataFormat, "max");
        };
        return MaxPooling1D2;
      })(Pooling1D)
    );
    MaxPooling1D.className = "MaxPooling1D";
    tfc.serialization.registerClass(MaxPooling1D);
    var AveragePooling1D = (
      /** @class */
      (function(_super) {
        __extends(AveragePooling1D2, _super);
        function AveragePooling1D2(args) {
          return _super.call(this, args) || this;
        }
        AveragePooling1D2.prototype.poolingFunction = function(inputs, poolSize, strides, padding, dataFormat) {
          checkDataFormat(dataFormat);
          checkPaddingMode(padding);
          return pool2d(inputs, poolSize, strides, padding, dataFormat, "avg");
        };
        return AveragePooling1D2;
      })(Pooling1D)
    );
    AveragePooling1D.className = "AveragePooling1D";
    tfc.serialization.registerClass(AveragePooling1D);
    var Pooling2D = (
      /** @class */
      (function(_super) {
        __extends(Pooling2D2, _super);
        function Pooling2D2(args) {
          var _this = this;
          if (args.poolSize == null) {
            args.poolSize = [2, 2];
          }
          _this = _super.call(this, args) || this;
          _this.poolSize = Array.isArray(args.poolSize) ? args.poolSize : [args.poolSize, args.poolSize];
          if (args.strides == null) {
            _this.strides = _this.poolSize;
          } else if (Array.isArray(args.strides)) {
            if (args.strides.length !== 2) {
              throw new ValueError("If the strides property of a 2D pooling layer is an Array, it is expected to have a length of 2, but received length " + "".concat(args.strides.length, "."));
            }
            _this.strides = args.strides;
          } else {
            _this.strides = [args.strides, args.strides];
          }
          assertPositiveInteger(_this.poolSize, "poolSize");
          assertPositiveInteger(_this.strides, "strides");
          _this.padding = args.padding == null ? "valid" : args.padding;
          _this.dataFormat = args.dataFormat == null ? "channelsLast" : args.dataFormat;
          checkDataFormat(_this.dataFormat);
          checkPaddingMode(_this.padding);
          _this.inputSpec = [new InputSpec({ ndim: 4 })];
          return _this;
        }
        Pooling2D2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var rows = this.dataFormat === "channelsFirst" ? inputShape[2] : inputShape[1];
          var cols = this.dataFormat === "channelsFirst" ? inputShape[3] : inputShape[2];
          rows = convOutputLength(rows, this.poolSize[0], this.padding, this.strides[0]);
          cols = convOutputLength(cols, this.poolSize[1], this.padding, this.strides[1]);
          if (this.dataFormat === "channelsFirst") {
            return [inputShape[0], inputShape[1], rows, cols];
          } else {
            return [inputShape[0], rows, cols, inputShape[3]];
          }
        };
        Pooling2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            return _this.poolingFunction(getExactlyOneTensor(inputs), _this.poolSize, _this.strides, _this.padding, _this.dataFormat);
          });
        };
        Pooling2D2.prototype.getConfig = function() {
          var config = {
            poolSize: this.poolSize,
            padding: this.padding,
            strides: this.strides,
            dataFormat: this.dataFormat
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Pooling2D2;
      })(Layer)
    );
    var MaxPooling2D = (
      /** @class */
      (function(_super) {
        __extends(MaxPooling2D2, _super);
        function MaxPooling2D2(args) {
          return _super.call(this, args) || this;
        }
        MaxPooling2D2.prototype.poolingFunction = function(inputs, poolSize, strides, padding, dataFormat) {
          checkDataFormat(dataFormat);
          checkPaddingMode(padding);
          return pool2d(inputs, poolSize, strides, padding, dataFormat, "max");
        };
        return MaxPooling2D2;
      })(Pooling2D)
    );
    MaxPooling2D.className = "MaxPooling2D";
    tfc.serialization.registerClass(MaxPooling2D);
    var AveragePooling2D = (
      /** @class */
      (function(_super) {
        __extends(AveragePooling2D2, _super);
        function AveragePooling2D2(args) {
          return _super.call(this, args) || this;
        }
        AveragePooling2D2.prototype.poolingFunction = function(inputs, poolSize, strides, padding, dataFormat) {
          checkDataFormat(dataFormat);
          checkPaddingMode(padding);
          return pool2d(inputs, poolSize, strides, padding, dataFormat, "avg");
        };
        return AveragePooling2D2;
      })(Pooling2D)
    );
    AveragePooling2D.className = "AveragePooling2D";
    tfc.serialization.registerClass(AveragePooling2D);
    var Pooling3D = (
      /** @class */
      (function(_super) {
        __extends(Pooling3D2, _super);
        function Pooling3D2(args) {
          var _this = this;
          if (args.poolSize == null) {
            args.poolSize = [2, 2, 2];
          }
          _this = _super.call(this, args) || this;
          _this.poolSize = Array.isArray(args.poolSize) ? args.poolSize : [args.poolSize, args.poolSize, args.poolSize];
          if (args.strides == null) {
            _this.strides = _this.poolSize;
          } else if (Array.isArray(args.strides)) {
            if (args.strides.length !== 3) {
              throw new ValueError("If the strides property of a 3D pooling layer is an Array, it is expected to have a length of 3, but received length " + "".concat(args.strides.length, "."));
            }
            _this.strides = args.strides;
          } else {
            _this.strides = [args.strides, args.strides, args.strides];
          }
          assertPositiveInteger(_this.poolSize, "poolSize");
          assertPositiveInteger(_this.strides, "strides");
          _this.padding = args.padding == null ? "valid" : args.padding;
          _this.dataFormat = args.dataFormat == null ? "channelsLast" : args.dataFormat;
          checkDataFormat(_this.dataFormat);
          checkPaddingMode(_this.padding);
          _this.inputSpec = [new InputSpec({ ndim: 5 })];
          return _this;
        }
        Pooling3D2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var depths = this.dataFormat === "channelsFirst" ? inputShape[2] : inputShape[1];
          var rows = this.dataFormat === "channelsFirst" ? inputShape[3] : inputShape[2];
          var cols = this.dataFormat === "channelsFirst" ? inputShape[4] : inputShape[3];
          depths = convOutputLength(depths, this.poolSize[0], this.padding, this.strides[0]);
          rows = convOutputLength(rows, this.poolSize[1], this.padding, this.strides[1]);
          cols = convOutputLength(cols, this.poolSize[2], this.padding, this.strides[2]);
          if (this.dataFormat === "channelsFirst") {
            return [inputShape[0], inputShape[1], depths, rows, cols];
          } else {
            return [inputShape[0], depths, rows, cols, inputShape[4]];
          }
        };
        Pooling3D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            _this.invokeCallHook(inputs, kwargs);
            return _this.poolingFunction(getExactlyOneTensor(inputs), _this.poolSize, _this.strides, _this.padding, _this.dataFormat);
          });
        };
        Pooling3D2.prototype.getConfig = function() {
          var config = {
            poolSize: this.poolSize,
            padding: this.padding,
            strides: this.strides,
            dataFormat: this.dataFormat
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return Pooling3D2;
      })(Layer)
    );
    var MaxPooling3D = (
      /** @class */
      (function(_super) {
        __extends(MaxPooling3D2, _super);
        function MaxPooling3D2(args) {
          return _super.call(this, args) || this;
        }
        MaxPooling3D2.prototype.poolingFunction = function(inputs, poolSize, strides, padding, dataFormat) {
          checkDataFormat(dataFormat);
          checkPaddingMode(padding);
          return pool3d(inputs, poolSize, strides, padding, dataFormat, "max");
        };
        return MaxPooling3D2;
      })(Pooling3D)
    );
    MaxPooling3D.className = "MaxPooling3D";
    tfc.serialization.registerClass(MaxPooling3D);
    var AveragePooling3D = (
      /** @class */
      (function(_super) {
        __extends(AveragePooling3D2, _super);
        function AveragePooling3D2(args) {
          return _super.call(this, args) || this;
        }
        AveragePooling3D2.prototype.poolingFunction = function(inputs, poolSize, strides, padding, dataFormat) {
          checkDataFormat(dataFormat);
          checkPaddingMode(padding);
          return pool3d(inputs, poolSize, strides, padding, dataFormat, "avg");
        };
        return AveragePooling3D2;
      })(Pooling3D)
    );
    AveragePooling3D.className = "AveragePooling3D";
    tfc.serialization.registerClass(AveragePooling3D);
    var GlobalPooling1D = (
      /** @class */
      (function(_super) {
        __extends(GlobalPooling1D2, _super);
        function GlobalPooling1D2(args) {
          var _this = _super.call(this, args) || this;
          _this.inputSpec = [new InputSpec({ ndim: 3 })];
          return _this;
        }
        GlobalPooling1D2.prototype.computeOutputShape = function(inputShape) {
          return [inputShape[0], inputShape[2]];
        };
        GlobalPooling1D2.prototype.call = function(inputs, kwargs) {
          throw new NotImplementedError();
        };
        return GlobalPooling1D2;
      })(Layer)
    );
    var GlobalAveragePooling1D = (
      /** @class */
      (function(_super) {
        __extends(GlobalAveragePooling1D2, _super);
        function GlobalAveragePooling1D2(args) {
          return _super.call(this, args || {}) || this;
        }
        GlobalAveragePooling1D2.prototype.call = function(inputs, kwargs) {
          return tfc.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            return tfc__namespace.mean(input2, 1);
          });
        };
        return GlobalAveragePooling1D2;
      })(GlobalPooling1D)
    );
    GlobalAveragePooling1D.className = "GlobalAveragePooling1D";
    tfc.serialization.registerClass(GlobalAveragePooling1D);
    var GlobalMaxPooling1D = (
      /** @class */
      (function(_super) {
        __extends(GlobalMaxPooling1D2, _super);
        function GlobalMaxPooling1D2(args) {
          return _super.call(this, args || {}) || this;
        }
        GlobalMaxPooling1D2.prototype.call = function(inputs, kwargs) {
          return tfc.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            return tfc__namespace.max(input2, 1);
          });
        };
        return GlobalMaxPooling1D2;
      })(GlobalPooling1D)
    );
    GlobalMaxPooling1D.className = "GlobalMaxPooling1D";
    tfc.serialization.registerClass(GlobalMaxPooling1D);
    var GlobalPooling2D = (
      /** @class */
      (function(_super) {
        __extends(GlobalPooling2D2, _super);
        function GlobalPooling2D2(args) {
          var _this = _super.call(this, args) || this;
          _this.dataFormat = args.dataFormat == null ? "channelsLast" : args.dataFormat;
          checkDataFormat(_this.dataFormat);
          _this.inputSpec = [new InputSpec({ ndim: 4 })];
          return _this;
        }
        GlobalPooling2D2.prototype.computeOutputShape = function(inputShape) {
          inputShape = inputShape;
          if (this.dataFormat === "channelsLast") {
            return [inputShape[0], inputShape[3]];
          } else {
            return [inputShape[0], inputShape[1]];
          }
        };
        GlobalPooling2D2.prototype.call = function(inputs, kwargs) {
          throw new NotImplementedError();
        };
        GlobalPooling2D2.prototype.getConfig = function() {
          var config = { dataFormat: this.dataFormat };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return GlobalPooling2D2;
      })(Layer)
    );
    var GlobalAveragePooling2D = (
      /** @class */
      (function(_super) {
        __extends(GlobalAveragePooling2D2, _super);
        function GlobalAveragePooling2D2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        GlobalAveragePooling2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            if (_this.dataFormat === "channelsLast") {
              return tfc__namespace.mean(input2, [1, 2]);
            } else {
              return tfc__namespace.mean(input2, [2, 3]);
            }
          });
        };
        return GlobalAveragePooling2D2;
      })(GlobalPooling2D)
    );
    GlobalAveragePooling2D.className = "GlobalAveragePooling2D";
    tfc.serialization.registerClass(GlobalAveragePooling2D);
    var GlobalMaxPooling2D = (
      /** @class */
      (function(_super) {
        __extends(GlobalMaxPooling2D2, _super);
        function GlobalMaxPooling2D2() {
          return _super !== null && _super.apply(this, arguments) || this;
        }
        GlobalMaxPooling2D2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            if (_this.dataFormat === "channelsLast") {
              return tfc__namespace.max(input2, [1, 2]);
            } else {
              return tfc__namespace.max(input2, [2, 3]);
            }
          });
        };
        return GlobalMaxPooling2D2;
      })(GlobalPooling2D)
    );
    GlobalMaxPooling2D.className = "GlobalMaxPooling2D";
    tfc.serialization.registerClass(GlobalMaxPooling2D);
    var Wrapper = (
      /** @class */
      (function(_super) {
        __extends(Wrapper2, _super);
        function Wrapper2(args) {
          var _this = (
            // Porting Note: In PyKeras, `self.layer` is set prior to the calling
            //   `super()`. But we can't do that here due to TypeScript's restriction.
            //   See: https://github.com/Microsoft/TypeScript/issues/8277
            //   As a result, we have to add checks in `get trainable()` and
            //   `set trainable()` below in order to prevent using `this.layer` when
            //   its value is `undefined`. The super constructor does use the getter
            //   and the setter of `this.layer`.
            _super.call(this, args) || this
          );
          _this.layer = args.layer;
          return _this;
        }
        Wrapper2.prototype.build = function(inputShape) {
          this.built = true;
        };
        Object.defineProperty(Wrapper2.prototype, "trainable", {
          // TODO(cais): Implement activityRegularizer getter.
          get: function() {
            if (this.layer != null) {
              return this.layer.trainable;
            } else {
              return false;
            }
          },
          set: function(value) {
            if (this.layer != null) {
              this.layer.trainable = value;
            }
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Wrapper2.prototype, "trainableWeights", {
          get: function() {
            return this.layer.trainableWeights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Wrapper2.prototype, "nonTrainableWeights", {
          // TODO(cais): Implement setter for trainableWeights.
          get: function() {
            return this.layer.nonTrainableWeights;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Wrapper2.prototype, "updates", {
          // TODO(cais): Implement setter for nonTrainableWeights.
          get: function() {
            return this.layer._updates;
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Wrapper2.prototype, "losses", {
          // TODO(cais): Implement getUpdatesFor().
          get: function() {
            return this.layer.losses;
          },
          enumerable: false,
          configurable: true
        });
        Wrapper2.prototype.getWeights = function() {
          return this.layer.getWeights();
        };
        Wrapper2.prototype.setWeights = function(weights) {
          this.layer.setWeights(weights);
        };
        Wrapper2.prototype.getConfig = function() {
          var config = {
            "layer": {
              "className": this.layer.getClassName(),
              "config": this.layer.getConfig()
            }
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        Wrapper2.prototype.setFastWeightInitDuringBuild = function(value) {
          _super.prototype.setFastWeightInitDuringBuild.call(this, value);
          if (this.layer != null) {
            this.layer.setFastWeightInitDuringBuild(value);
          }
        };
        Wrapper2.fromConfig = function(cls, config, customObjects) {
          if (customObjects === void 0) {
            customObjects = {};
          }
          var layerConfig = config["layer"];
          var layer = deserialize(layerConfig, customObjects);
          delete config["layer"];
          var newConfig = { layer };
          Object.assign(newConfig, config);
          return new cls(newConfig);
        };
        return Wrapper2;
      })(Layer)
    );
    var TimeDistributed = (
      /** @class */
      (function(_super) {
        __extends(TimeDistributed2, _super);
        function TimeDistributed2(args) {
          var _this = _super.call(this, args) || this;
          _this.supportsMasking = true;
          return _this;
        }
        TimeDistributed2.prototype.build = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          if (inputShape.length < 3) {
            throw new ValueError("TimeDistributed layer expects an input shape >= 3D, but received " + "input shape ".concat(JSON.stringify(inputShape)));
          }
          this.inputSpec = [{ shape: inputShape }];
          var childInputShape = [inputShape[0]].concat(inputShape.slice(2));
          if (!this.layer.built) {
            this.layer.build(childInputShape);
            this.layer.built = true;
          }
          _super.prototype.build.call(this, inputShape);
        };
        TimeDistributed2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var childInputShape = [inputShape[0]].concat(inputShape.slice(2));
          var childOutputShape = this.layer.computeOutputShape(childInputShape);
          var timesteps = inputShape[1];
          return [childOutputShape[0], timesteps].concat(childOutputShape.slice(1));
        };
        TimeDistributed2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            var step2 = function(inputs2, states) {
              var output = getExactlyOneTensor(_this.layer.call(inputs2, kwargs));
              return [output, []];
            };
            var rnnOutputs = rnn$1(
              step2,
              inputs,
              [],
              false,
              null,
              null,
              false,
              true
              /* needPerStepOutputs */
            );
            var y = rnnOutputs[1];
            return y;
          });
        };
        return TimeDistributed2;
      })(Wrapper)
    );
    TimeDistributed.className = "TimeDistributed";
    tfc.serialization.registerClass(TimeDistributed);
    function checkBidirectionalMergeMode(value) {
      checkStringTypeUnionValue(VALID_BIDIRECTIONAL_MERGE_MODES, "BidirectionalMergeMode", value);
    }
    var DEFAULT_BIDIRECTIONAL_MERGE_MODE = "concat";
    var Bidirectional = (
      /** @class */
      (function(_super) {
        __extends(Bidirectional2, _super);
        function Bidirectional2(args) {
          var _this = _super.call(this, args) || this;
          var layerConfig = args.layer.getConfig();
          var forwDict = {};
          forwDict["className"] = args.layer.getClassName();
          forwDict["config"] = layerConfig;
          _this.forwardLayer = deserialize(forwDict);
          layerConfig["goBackwards"] = layerConfig["goBackwards"] === true ? false : true;
          var backDict = {};
          backDict["className"] = args.layer.getClassName();
          backDict["config"] = layerConfig;
          _this.backwardLayer = deserialize(backDict);
          _this.forwardLayer.name = "forward_" + _this.forwardLayer.name;
          _this.backwardLayer.name = "backward_" + _this.backwardLayer.name;
          _this.mergeMode = args.mergeMode === void 0 ? DEFAULT_BIDIRECTIONAL_MERGE_MODE : args.mergeMode;
          checkBidirectionalMergeMode(_this.mergeMode);
          if (args.weights) {
            throw new NotImplementedError("weights support is not implemented for Bidirectional layer yet.");
          }
          _this._stateful = args.layer.stateful;
          _this.returnSequences = args.layer.returnSequences;
          _this.returnState = args.layer.returnState;
          _this.supportsMasking = true;
          _this._trainable = true;
          _this.inputSpec = args.layer.inputSpec;
          _this.numConstants = null;
          return _this;
        }
        Object.defineProperty(Bidirectional2.prototype, "trainable", {
          get: function() {
            return this._trainable;
          },
          set: function(value) {
            this._trainable = value;
            if (this.forwardLayer != null) {
              this.forwardLayer.trainable = value;
            }
            if (this.backwardLayer != null) {
              this.backwardLayer.trainable = value;
            }
          },
          enumerable: false,
          configurable: true
        });
        Bidirectional2.prototype.getWeights = function() {
          return this.forwardLayer.getWeights().concat(this.backwardLayer.getWeights());
        };
        Bidirectional2.prototype.setWeights = function(weights) {
          var numWeights = weights.length;
          var numeightsOver2 = Math.floor(numWeights / 2);
          this.forwardLayer.setWeights(weights.slice(0, numeightsOver2));
          this.backwardLayer.setWeights(weights.slice(numeightsOver2));
        };
        Bidirectional2.prototype.computeOutputShape = function(inputShape) {
          var layerShapes = this.forwardLayer.computeOutputShape(inputShape);
          if (!(Array.isArray(layerShapes) && Array.isArray(layerShapes[0]))) {
            layerShapes = [layerShapes];
          }
          layerShapes = layerShapes;
          var outputShape;
          var outputShapes;
          var stateShape;
          if (this.returnState) {
            stateShape = layerShapes.slice(1);
            outputShape = layerShapes[0];
          } else {
            outputShape = layerShapes[0];
          }
          outputShape = outputShape;
          if (this.mergeMode === "concat") {
            outputShape[outputShape.length - 1] *= 2;
            outputShapes = [outputShape];
          } else if (this.mergeMode == null) {
            outputShapes = [outputShape, outputShape.slice()];
          } else {
            outputShapes = [outputShape];
          }
          if (this.returnState) {
            if (this.mergeMode == null) {
              return outputShapes.concat(stateShape).concat(stateShape.slice());
            }
            return [outputShape].concat(stateShape).concat(stateShape.slice());
          }
          return singletonOrArray(outputShapes);
        };
        Bidirectional2.prototype.apply = function(inputs, kwargs) {
          var e_12, _a2;
          var initialState = kwargs == null ? null : kwargs["initialState"];
          var constants = kwargs == null ? null : kwargs["constants"];
          if (kwargs == null) {
            kwargs = {};
          }
          var standardized = standardizeArgs(inputs, initialState, constants, this.numConstants);
          inputs = standardized.inputs;
          initialState = standardized.initialState;
          constants = standardized.constants;
          if (Array.isArray(inputs)) {
            initialState = inputs.slice(1);
            inputs = inputs[0];
          }
          if ((initialState == null || initialState.length === 0) && constants == null) {
            return _super.prototype.apply.call(this, inputs, kwargs);
          }
          var additionalInputs = [];
          var additionalSpecs = [];
          if (initialState != null) {
            var numStates = initialState.length;
            if (numStates % 2 > 0) {
              throw new ValueError("When passing `initialState` to a Bidrectional RNN, the state should be an Array containing the states of the underlying RNNs.");
            }
            kwargs["initialState"] = initialState;
            additionalInputs.push.apply(additionalInputs, __spreadArray([], __read(initialState), false));
            var stateSpecs = initialState.map(function(state) {
              return new InputSpec({ shape: state.shape });
            });
            this.forwardLayer.stateSpec = stateSpecs.slice(0, numStates / 2);
            this.backwardLayer.stateSpec = stateSpecs.slice(numStates / 2);
            additionalSpecs.push.apply(additionalSpecs, __spreadArray([], __read(stateSpecs), false));
          }
          if (constants != null) {
            throw new NotImplementedError("Support for constants in Bidirectional layers is not implemented yet.");
          }
          var isSymbolicTensor = additionalInputs[0] instanceof SymbolicTensor;
          try {
            for (var additionalInputs_1 = __values(additionalInputs), additionalInputs_1_1 = additionalInputs_1.next(); !additionalInputs_1_1.done; additionalInputs_1_1 = additionalInputs_1.next()) {
              var tensor = additionalInputs_1_1.value;
              if (tensor instanceof SymbolicTensor !== isSymbolicTensor) {
                throw new ValueError("The initial state of a Bidirectional layer cannot be specified as a mix of symbolic and non-symbolic tensors");
              }
            }
          } catch (e_1_1) {
            e_12 = { error: e_1_1 };
          } finally {
            try {
              if (additionalInputs_1_1 && !additionalInputs_1_1.done && (_a2 = additionalInputs_1.return)) _a2.call(additionalInputs_1);
            } finally {
              if (e_12) throw e_12.error;
            }
          }
          if (isSymbolicTensor) {
            var fullInput = [inputs].concat(additionalInputs);
            var fullInputSpec = this.inputSpec.concat(additionalSpecs);
            var originalInputSpec = this.inputSpec;
            this.inputSpec = fullInputSpec;
            var output = _super.prototype.apply.call(this, fullInput, kwargs);
            this.inputSpec = originalInputSpec;
            return output;
          } else {
            return _super.prototype.apply.call(this, inputs, kwargs);
          }
        };
        Bidirectional2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var initialState = kwargs["initialState"];
            var y;
            var yRev;
            if (initialState == null) {
              y = _this.forwardLayer.call(inputs, kwargs);
              yRev = _this.backwardLayer.call(inputs, kwargs);
            } else {
              var forwardState = initialState.slice(0, initialState.length / 2);
              var backwardState = initialState.slice(initialState.length / 2);
              y = _this.forwardLayer.call(inputs, Object.assign(kwargs, { initialState: forwardState }));
              yRev = _this.backwardLayer.call(inputs, Object.assign(kwargs, { initialState: backwardState }));
            }
            var states;
            if (_this.returnState) {
              if (Array.isArray(y)) {
                states = y.slice(1).concat(yRev.slice(1));
              }
              y = y[0];
              yRev = yRev[0];
            }
            if (_this.returnSequences) {
              yRev = tfc__namespace.reverse(yRev, 1);
            }
            var output;
            if (_this.mergeMode === "concat") {
              output = concatenate$1([y, yRev]);
            } else if (_this.mergeMode === "sum") {
              output = tfc__namespace.add(y, yRev);
            } else if (_this.mergeMode === "ave") {
              output = tfc__namespace.mul(0.5, tfc__namespace.add(y, yRev));
            } else if (_this.mergeMode === "mul") {
              output = tfc__namespace.mul(y, yRev);
            } else if (_this.mergeMode == null) {
              output = [y, yRev];
            }
            if (_this.returnState) {
              if (_this.mergeMode == null) {
                return output.concat(states);
              }
              return [output].concat(states);
            }
            return output;
          });
        };
        Bidirectional2.prototype.resetStates = function(states) {
          this.forwardLayer.resetStates();
          this.backwardLayer.resetStates();
        };
        Bidirectional2.prototype.build = function(inputShape) {
          var _this = this;
          nameScope(this.forwardLayer.name, function() {
            _this.forwardLayer.build(inputShape);
          });
          nameScope(this.backwardLayer.name, function() {
            _this.backwardLayer.build(inputShape);
          });
          this.built = true;
        };
        Bidirectional2.prototype.computeMask = function(inputs, mask) {
          if (Array.isArray(mask)) {
            mask = mask[0];
          }
          var outputMask;
          if (this.returnSequences) {
            if (this.mergeMode == null) {
              outputMask = [mask, mask];
            } else {
              outputMask = mask;
            }
          } else {
            if (this.mergeMode == null) {
              outputMask = [null, null];
            } else {
              outputMask = null;
            }
          }
          if (this.returnState) {
            var states = this.forwardLayer.states;
            var stateMask = states.map(function(state) {
              return null;
            });
            if (Array.isArray(outputMask)) {
              return outputMask.concat(stateMask).concat(stateMask);
            } else {
              return [outputMask].concat(stateMask).concat(stateMask);
            }
          } else {
            return outputMask;
          }
        };
        Object.defineProperty(Bidirectional2.prototype, "trainableWeights", {
          get: function() {
            return this.forwardLayer.trainableWeights.concat(this.backwardLayer.trainableWeights);
          },
          enumerable: false,
          configurable: true
        });
        Object.defineProperty(Bidirectional2.prototype, "nonTrainableWeights", {
          get: function() {
            return this.forwardLayer.nonTrainableWeights.concat(this.backwardLayer.nonTrainableWeights);
          },
          enumerable: false,
          configurable: true
        });
        Bidirectional2.prototype.setFastWeightInitDuringBuild = function(value) {
          _super.prototype.setFastWeightInitDuringBuild.call(this, value);
          if (this.forwardLayer != null) {
            this.forwardLayer.setFastWeightInitDuringBuild(value);
          }
          if (this.backwardLayer != null) {
            this.backwardLayer.setFastWeightInitDuringBuild(value);
          }
        };
        Bidirectional2.prototype.getConfig = function() {
          var config = {
            "mergeMode": this.mergeMode
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        Bidirectional2.fromConfig = function(cls, config) {
          var rnnLayer = deserialize(config["layer"]);
          delete config["layer"];
          if (config["numConstants"] != null) {
            throw new NotImplementedError("Deserialization of a Bidirectional layer with numConstants present is not supported yet.");
          }
          var newConfig = config;
          newConfig["layer"] = rnnLayer;
          return new cls(newConfig);
        };
        return Bidirectional2;
      })(Wrapper)
    );
    Bidirectional.className = "Bidirectional";
    tfc.serialization.registerClass(Bidirectional);
    var Rescaling = (
      /** @class */
      (function(_super) {
        __extends(Rescaling2, _super);
        function Rescaling2(args) {
          var _this = _super.call(this, args) || this;
          _this.scale = args.scale;
          if (args.offset) {
            _this.offset = args.offset;
          } else {
            _this.offset = 0;
          }
          return _this;
        }
        Rescaling2.prototype.getConfig = function() {
          var config = {
            "scale": this.scale,
            "offset": this.offset
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        Rescaling2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            if (inputs.dtype !== "float32") {
              inputs = cast$1(inputs, "float32");
            }
            return tfc.add(tfc.mul(inputs, _this.scale), _this.offset);
          });
        };
        return Rescaling2;
      })(Layer)
    );
    Rescaling.className = "Rescaling";
    tfc.serialization.registerClass(Rescaling);
    var resizeBilinear = tfc.image.resizeBilinear;
    var cropAndResize = tfc.image.cropAndResize;
    var CenterCrop = (
      /** @class */
      (function(_super) {
        __extends(CenterCrop2, _super);
        function CenterCrop2(args) {
          var _this = _super.call(this, args) || this;
          _this.height = args.height;
          _this.width = args.width;
          return _this;
        }
        CenterCrop2.prototype.centerCrop = function(inputs, hBuffer, wBuffer, height, width, inputHeight, inputWidth, dtype) {
          return tfc.tidy(function() {
            var input2;
            var isRank3 = false;
            var top = hBuffer / inputHeight;
            var left = wBuffer / inputWidth;
            var bottom = (height + hBuffer) / inputHeight;
            var right = (width + wBuffer) / inputWidth;
            var bound = [top, left, bottom, right];
            var boxesArr = [];
            if (inputs.rank === 3) {
              isRank3 = true;
              input2 = tfc.stack([inputs]);
            } else {
              input2 = inputs;
            }
            for (var i = 0; i < input2.shape[0]; i++) {
              boxesArr.push(bound);
            }
            var boxes = tfc.tensor(boxesArr, [boxesArr.length, 4]);
            var boxInd = tfc.range(0, boxesArr.length, 1, "int32");
            var cropSize = [height, width];
            var cropped = cropAndResize(input2, boxes, boxInd, cropSize, "nearest");
            if (isRank3) {
              return cast$1(getExactlyOneTensor(tfc.unstack(cropped)), dtype);
            }
            return cast$1(cropped, dtype);
          });
        };
        CenterCrop2.prototype.upsize = function(inputs, height, width, dtype) {
          return tfc.tidy(function() {
            var outputs = resizeBilinear(inputs, [height, width]);
            return cast$1(outputs, dtype);
          });
        };
        CenterCrop2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var rankedInputs = getExactlyOneTensor(inputs);
            var dtype = rankedInputs.dtype;
            var inputShape = rankedInputs.shape;
            var inputHeight = inputShape[inputShape.length - 3];
            var inputWidth = inputShape[inputShape.length - 2];
            var hBuffer = 0;
            if (inputHeight !== _this.height) {
              hBuffer = Math.floor((inputHeight - _this.height) / 2);
            }
            var wBuffer = 0;
            if (inputWidth !== _this.width) {
              wBuffer = Math.floor((inputWidth - _this.width) / 2);
              if (wBuffer === 0) {
                wBuffer = 1;
              }
            }
            if (hBuffer >= 0 && wBuffer >= 0) {
              return _this.centerCrop(rankedInputs, hBuffer, wBuffer, _this.height, _this.width, inputHeight, inputWidth, dtype);
            } else {
              return _this.upsize(inputs, _this.height, _this.width, dtype);
            }
          });
        };
        CenterCrop2.prototype.getConfig = function() {
          var config = {
            "height": this.height,
            "width": this.width
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        CenterCrop2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var hAxis = inputShape.length - 3;
          var wAxis = inputShape.length - 2;
          inputShape[hAxis] = this.height;
          inputShape[wAxis] = this.width;
          return inputShape;
        };
        return CenterCrop2;
      })(Layer)
    );
    CenterCrop.className = "CenterCrop";
    tfc.serialization.registerClass(CenterCrop);
    function encodeCategoricalInputs(inputs, outputMode, depth, weights) {
      var input2 = getExactlyOneTensor(inputs);
      if (input2.dtype !== "int32") {
        input2 = cast$1(input2, "int32");
      }
      if (outputMode === "int") {
        return input2;
      }
      var originalShape = input2.shape;
      if (input2.rank === 0) {
        input2 = tfc.expandDims(input2, -1);
      }
      if (outputMode === "oneHot") {
        if (input2.shape[input2.shape.length - 1] !== 1) {
          input2 = tfc.expandDims(input2, -1);
        }
      }
      if (input2.rank > 2) {
        throw new ValueError("When outputMode is not int, maximum output rank is 2" + " Received outputMode ".concat(outputMode, " and input shape ").concat(originalShape) + " which would result in output rank ".concat(input2.rank, "."));
      }
      var binaryOutput = ["multiHot", "oneHot"].includes(outputMode);
      var denseBincountInput = input2;
      var binCounts;
      if (typeof weights !== "undefined" && outputMode === "count") {
        binCounts = tfc.denseBincount(denseBincountInput, weights, depth, binaryOutput);
      } else {
        binCounts = tfc.denseBincount(denseBincountInput, [], depth, binaryOutput);
      }
      if (outputMode !== "tfIdf") {
        return binCounts;
      }
      if (weights) {
        return tfc.mul(binCounts, weights);
      } else {
        throw new ValueError("When outputMode is 'tfIdf', weights must be provided.");
      }
    }
    var CategoryEncoding = (
      /** @class */
      (function(_super) {
        __extends(CategoryEncoding2, _super);
        function CategoryEncoding2(args) {
          var _this = _super.call(this, args) || this;
          _this.numTokens = args.numTokens;
          if (args.outputMode) {
            _this.outputMode = args.outputMode;
          } else {
            _this.outputMode = "multiHot";
          }
          return _this;
        }
        CategoryEncoding2.prototype.getConfig = function() {
          var config = {
            "numTokens": this.numTokens,
            "outputMode": this.outputMode
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        CategoryEncoding2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          if (inputShape == null) {
            return [this.numTokens];
          }
          if (this.outputMode === "oneHot" && inputShape[inputShape.length - 1] !== 1) {
            inputShape.push(this.numTokens);
            return inputShape;
          }
          inputShape[inputShape.length - 1] = this.numTokens;
          return inputShape;
        };
        CategoryEncoding2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            inputs = getExactlyOneTensor(inputs);
            if (inputs.dtype !== "int32") {
              inputs = cast$1(inputs, "int32");
            }
            var countWeights;
            if (typeof kwargs["countWeights"] !== "undefined") {
              if (_this.outputMode !== "count") {
                throw new ValueError("countWeights is not used when outputMode !== count.\n              Received countWeights=".concat(kwargs["countWeights"]));
              }
              countWeights = getExactlyOneTensor(kwargs["countWeights"]);
            }
            var maxValue = tfc.max(inputs);
            var minValue = tfc.min(inputs);
            var greaterEqualMax = tfc.greater(_this.numTokens, maxValue).bufferSync().get(0);
            var greaterMin = tfc.greaterEqual(minValue, 0).bufferSync().get(0);
            if (!(greaterEqualMax && greaterMin)) {
              throw new ValueError("Input values must be between 0 < values <=" + " numTokens with numTokens=".concat(_this.numTokens));
            }
            return encodeCategoricalInputs(inputs, _this.outputMode, _this.numTokens, countWeights);
          });
        };
        return CategoryEncoding2;
      })(Layer)
    );
    CategoryEncoding.className = "CategoryEncoding";
    tfc.serialization.registerClass(CategoryEncoding);
    var INTERPOLATION_KEYS$1 = ["bilinear", "nearest"];
    var INTERPOLATION_METHODS$1 = new Set(INTERPOLATION_KEYS$1);
    var Resizing = (
      /** @class */
      (function(_super) {
        __extends(Resizing2, _super);
        function Resizing2(args) {
          var _this = _super.call(this, args) || this;
          _this.height = args.height;
          _this.width = args.width;
          if (args.interpolation) {
            if (INTERPOLATION_METHODS$1.has(args.interpolation)) {
              _this.interpolation = args.interpolation;
            } else {
              throw new ValueError("Invalid interpolation parameter: ".concat(args.interpolation, " is not implemented"));
            }
          } else {
            _this.interpolation = "bilinear";
          }
          _this.cropToAspectRatio = Boolean(args.cropToAspectRatio);
          return _this;
        }
        Resizing2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var numChannels = inputShape[2];
          return [this.height, this.width, numChannels];
        };
        Resizing2.prototype.getConfig = function() {
          var config = {
            "height": this.height,
            "width": this.width,
            "interpolation": this.interpolation,
            "cropToAspectRatio": this.cropToAspectRatio
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        Resizing2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var size = [_this.height, _this.width];
            if (_this.interpolation === "bilinear") {
              return tfc.image.resizeBilinear(inputs, size, !_this.cropToAspectRatio);
            } else if (_this.interpolation === "nearest") {
              return tfc.image.resizeNearestNeighbor(inputs, size, !_this.cropToAspectRatio);
            } else {
              throw new Error("Interpolation is ".concat(_this.interpolation, " but only ").concat(__spreadArray([], __read(INTERPOLATION_METHODS$1), false), " are supported"));
            }
          });
        };
        return Resizing2;
      })(Layer)
    );
    Resizing.className = "Resizing";
    tfc.serialization.registerClass(Resizing);
    var RandomSeed = (
      /** @class */
      (function() {
        function RandomSeed2(seed) {
          this.seed = seed;
        }
        RandomSeed2.prototype.next = function() {
          if (this.seed === void 0) {
            return void 0;
          }
          return this.seed++;
        };
        return RandomSeed2;
      })()
    );
    RandomSeed.className = "RandomSeed";
    var BaseRandomLayer = (
      /** @class */
      (function(_super) {
        __extends(BaseRandomLayer2, _super);
        function BaseRandomLayer2(args) {
          var _this = _super.call(this, args) || this;
          _this.randomGenerator = new RandomSeed(args.seed);
          return _this;
        }
        BaseRandomLayer2.prototype.getConfig = function() {
          var config = {
            "seed": this.randomGenerator.seed
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        return BaseRandomLayer2;
      })(Layer)
    );
    BaseRandomLayer.className = "BaseRandomLayer";
    var INTERPOLATION_KEYS = ["bilinear", "nearest"];
    var INTERPOLATION_METHODS = new Set(INTERPOLATION_KEYS);
    var RandomWidth = (
      /** @class */
      (function(_super) {
        __extends(RandomWidth2, _super);
        function RandomWidth2(args) {
          var _this = _super.call(this, args) || this;
          var factor = args.factor, _a2 = args.interpolation, interpolation = _a2 === void 0 ? "bilinear" : _a2;
          _this.factor = factor;
          if (Array.isArray(_this.factor) && _this.factor.length === 2) {
            _this.widthLower = _this.factor[0];
            _this.widthUpper = _this.factor[1];
          } else if (!Array.isArray(_this.factor) && _this.factor > 0) {
            _this.widthLower = -_this.factor;
            _this.widthUpper = _this.factor;
          } else {
            throw new ValueError("Invalid factor: ".concat(_this.factor, ". Must be positive number or tuple of 2 numbers"));
          }
          if (_this.widthLower < -1 || _this.widthUpper < -1) {
            throw new ValueError("factor must have values larger than -1. Got: ".concat(_this.factor));
          }
          if (_this.widthUpper < _this.widthLower) {
            throw new ValueError("factor cannot have upper bound less than lower bound.\n        Got upper bound: ".concat(_this.widthUpper, ".\n        Got lower bound: ").concat(_this.widthLower, "\n      "));
          }
          if (interpolation) {
            if (INTERPOLATION_METHODS.has(interpolation)) {
              _this.interpolation = interpolation;
            } else {
              throw new ValueError("Invalid interpolation parameter: ".concat(interpolation, " is not implemented"));
            }
          }
          return _this;
        }
        RandomWidth2.prototype.getConfig = function() {
          var config = {
            "factor": this.factor,
            "interpolation": this.interpolation
          };
          var baseConfig = _super.prototype.getConfig.call(this);
          Object.assign(config, baseConfig);
          return config;
        };
        RandomWidth2.prototype.computeOutputShape = function(inputShape) {
          inputShape = getExactlyOneShape(inputShape);
          var numChannels = inputShape[2];
          return [this.imgHeight, -1, numChannels];
        };
        RandomWidth2.prototype.call = function(inputs, kwargs) {
          var _this = this;
          return tfc.tidy(function() {
            var input2 = getExactlyOneTensor(inputs);
            _this.imgHeight = input2.shape[input2.shape.length - 3];
            var imgWidth = input2.shape[input2.shape.length - 2];
            _this.widthFactor = tfc.randomUniform([1], 1 + _this.widthLower, 1 + _this.widthUpper, "float32", _this.randomGenerator.next());
            var adjustedWidth = _this.widthFactor.dataSync()[0] * imgWidth;
            adjustedWidth = Math.round(adjustedWidth);
            var size = [_this.imgHeight, adjustedWidth];
            switch (_this.interpolation) {
              case "bilinear":
                return tfc.image.resizeBilinear(inputs, size);
              case "nearest":
                return tfc.image.resizeNearestNeighbor(inputs, size);
              default:
                throw new Error("Interpolation is ".concat(_this.interpolation, "\n          but only ").concat(__spreadArray([], __read(INTERPOLATION_METHODS), false), " are supported"));
            }
          });
        };
        return RandomWidth2;
      })(BaseRandomLayer)
    );
    RandomWidth.className = "RandomWidth";
    tfc.serialization.registerClass(RandomWidth);
    function inputLayer(args) {
      return new InputLayer(args);
    }
    function elu(args) {
      return new ELU(args);
    }
    function reLU(args) {
      return new ReLU(args);
    }
    function leakyReLU(args) {
      return new LeakyReLU(args);
    }
    function prelu(args) {
      return new PReLU(args);
    }
    function softmax(args) {
      return new Softmax(args);
    }
    function thresholdedReLU(args) {
      return new ThresholdedReLU(args);
    }
    function conv1d(args) {
      return new Conv1D(args);
    }
    function conv2d(args) {
      return new Conv2D(args);
    }
    function conv2dTranspose(args) {
      return new Conv2DTranspose(args);
    }
    function conv3d(args) {
      return new Conv3D(args);
    }
    function conv3dTranspose(args) {
      return new Conv3DTranspose(args);
    }
    function separableConv2d(args) {
      return new SeparableConv2D(args);
    }
    function cropping2D(args) {
      return new Cropping2D(args);
    }
    function upSampling2d(args) {
      return new UpSampling2D(args);
    }
    function depthwiseConv2d(args) {
      return new DepthwiseConv2D(args);
    }
    function activation(args) {
      return new Activation(args);
    }
    function dense(args) {
      return new Dense(args);
    }
    function dropout(args) {
      return new Dropout(args);
    }
    function spatialDropout1d(args) {
      return new SpatialDropout1D(args);
    }
    function flatten(args) {
      return new Flatten(args);
    }
    function repeatVector(args) {
      return new RepeatVector(args);
    }
    function reshape(args) {
      return new Reshape(args);
    }
    function permute(args) {
      return new Permute(args);
    }
    function embedding(args) {
      return new Embedding(args);
    }
    function add(args) {
      return new Add(args);
    }
    function average(args) {
      return new Average(args);
    }
    function concatenate(args) {
      return new Concatenate(args);
    }
    function maximum(args) {
      return new Maximum(args);
    }
    function minimum(args) {
      return new Minimum(args);
    }
    function multiply(args) {
      return new Multiply(args);
    }
    function dot(args) {
      return new Dot(args);
    }
    function batchNormalization(args) {
      return new BatchNormalization(args);
    }
    function layerNormalization(args) {
      return new LayerNormalization(args);
    }
    function zeroPadding2d(args) {
      return new ZeroPadding2D(args);
    }
    function averagePooling1d(args) {
      return new AveragePooling1D(args);
    }
    function avgPool1d(args) {
      return averagePooling1d(args);
    }
    function avgPooling1d(args) {
      return averagePooling1d(args);
    }
    function averagePooling2d(args) {
      return new AveragePooling2D(args);
    }
    function avgPool2d(args) {
      return averagePooling2d(args);
    }
    function avgPooling2d(args) {
      return averagePooling2d(args);
    }
    function averagePooling3d(args) {
      return new AveragePooling3D(args);
    }
    function avgPool3d(args) {
      return averagePooling3d(args);
    }
    function avgPooling3d(args) {
      return averagePooling3d(args);
    }
    function globalAveragePooling1d(args) {
      return new GlobalAveragePooling1D(args);
    }
    function globalAveragePooling2d(args) {
      return new GlobalAveragePooling2D(args);
    }
    function globalMaxPooling1d(args) {
      return new GlobalMaxPooling1D(args);
    }
    function globalMaxPooling2d(args) {
      return new GlobalMaxPooling2D(args);
    }
    function maxPooling1d(args) {
      return new MaxPooling1D(args);
    }
    function maxPooling2d(args) {
      return new MaxPooling2D(args);
    }
    function maxPooling3d(args) {
      return new MaxPooling3D(args);
    }
    function gru(args) {
      return new GRU(args);
    }
    function gruCell(args) {
      return new GRUCell(args);
    }
    function lstm(args) {
      return new LSTM(args);
    }
    function lstmCell(args) {
      return new LSTMCell(args);
    }
    function simpleRNN(args) {
      return new SimpleRNN(args);
    }
    function simpleRNNCell(args) {
      return new SimpleRNNCell(args);
    }
    function convLstm2d(args) {
      return new ConvLSTM2D(args);
    }
    function convLstm2dCell(args) {
      return new ConvLSTM2DCell(args);
    }
    function rnn(args) {
      return new RNN(args);
    }
    function stackedRNNCells(args) {
      return new StackedRNNCells(args);
    }
    function bidirectional(args) {
      return new Bidirectional(args);
    }
    function timeDistributed(args) {
      return new TimeDistributed(args);
    }
    var globalMaxPool1d = globalMaxPooling1d;
    var globalMaxPool2d = globalMaxPooling2d;
    var maxPool1d = maxPooling1d;
    var maxPool2d = maxPooling2d;
    function gaussianNoise(args) {
      return new GaussianNoise(args);
    }
    function gaussianDropout(args) {
      return new GaussianDropout(args);
    }
    function alphaDropout(args) {
      return new AlphaDropout(args);
    }
    function masking(args) {
      return new Masking(args);
    }
    function rescaling(args) {
      return new Rescaling(args);
    }
    function centerCrop(args) {
      return new CenterCrop(args);
    }
    function resizing(args) {
      return new Resizing(args);
    }
    function categoryEncoding(args) {
      return new CategoryEncoding(args);
    }
    function randomWidth(args) {
      return new RandomWidth(args);
    }
    var exports_layers = {
      __proto__: null,
      Layer,
      RNN,
      RNNCell,
      activation,
      add,
      alphaDropout,
      average,
      averagePooling1d,
      averagePooling2d,
      averagePooling3d,
      avgPool1d,
      avgPool2d,
      avgPool3d,
      avgPooling1d,
      avgPooling2d,
      avgPooling3d,
      batchNormalization,
      bidirectional,
      categoryEncoding,
      centerCrop,
      concatenate,
      conv1d,
      conv2d,
      conv2dTranspose,
      conv3d,
      conv3dTranspose,
      convLstm2d,
      convLstm2dCell,
      cropping2D,
      dense,
      depthwiseConv2d,
      dot,
      dropout,
      elu,
      embedding,
      flatten,
      gaussianDropout,
      gaussianNoise,
      globalAveragePooling1d,
      globalAveragePooling2d,
      globalMaxPool1d,
      globalMaxPool2d,
      globalMaxPooling1d,
      globalMaxPooling2d,
      gru,
      gruCell,
      input,
      inputLayer,
      layerNormalization,
      leakyReLU,
      lstm,
      lstmCell,
      masking,
      maxPool1d,
      maxPool2d,
      maxPooling1d,
      maxPooling2d,
      maxPooling3d,
      maximum,
      minimum,
      multiply,
      permute,
      prelu,
      randomWidth,
      reLU,
      repeatVector,
      rescaling,
      reshape,
      resizing,
      rnn,
      separableConv2d,
      simpleRNN,
      simpleRNNCell,
      softmax,
      spatialDropout1d,
      stackedRNNCells,
      thresholdedReLU,
      timeDistributed,
      upSampling2d,
      zeroPadding2d
    };
    function binaryAccuracy(yTrue, yPred) {
      return binaryAccuracy$1(yTrue, yPred);
    }
    function binaryCrossentropy(yTrue, yPred) {
      return binaryCrossentropy$1(yTrue, yPred);
    }
    function sparseCategoricalAccuracy(yTrue, yPred) {
      return sparseCategoricalAccuracy$1(yTrue, yPred);
    }
    function categoricalAccuracy(yTrue, yPred) {
      return categoricalAccuracy$1(yTrue, yPred);
    }
    function categoricalCrossentropy(yTrue, yPred) {
      return categoricalCrossentropy$1(yTrue, yPred);
    }
    function precision(yTrue, yPred) {
      return precision$1(yTrue, yPred);
    }
    function recall(yTrue, yPred) {
      return recall$1(yTrue, yPred);
    }
    function cosineProximity(yTrue, yPred) {
      return cosineProximity$1(yTrue, yPred);
    }
    function meanAbsoluteError(yTrue, yPred) {
      return meanAbsoluteError$1(yTrue, yPred);
    }
    function meanAbsolutePercentageError(yTrue, yPred) {
      return meanAbsolutePercentageError$1(yTrue, yPred);
    }
    function MAPE(yTrue, yPred) {
      return meanAbsolutePercentageError$1(yTrue, yPred);
    }
    function mape(yTrue, yPred) {
      return meanAbsolutePercentageError$1(yTrue, yPred);
    }
    function meanSquaredError(yTrue, yPred) {
      return meanSquaredError$1(yTrue, yPred);
    }
    function MSE(yTrue, yPred) {
      return meanSquaredError$1(yTrue, yPred);
    }
    function mse(yTrue, yPred) {
      return meanSquaredError$1(yTrue, yPred);
    }
    function r2Score(yTrue, yPred) {
      return r2Score$1(yTrue, yPred);
    }
    var exports_metrics = {
      __proto__: null,
      MAPE,
      MSE,
      binaryAccuracy,
      binaryCrossentropy,
      categoricalAccuracy,
      categoricalCrossentropy,
      cosineProximity,
      mape,
      meanAbsoluteError,
      meanAbsolutePercentageError,
      meanSquaredError,
      mse,
      precision,
      r2Score,
      recall,
      sparseCategoricalAccuracy
    };
    var exports_models = {
      __proto__: null,
      modelFromJSON
    };
    function l1l2(config) {
      return new L1L2(config);
    }
    function l1(config) {
      return l1$1(config);
    }
    function l2(config) {
      return l2$1(config);
    }
    var exports_regularizers = {
      __proto__: null,
      l1,
      l1l2,
      l2
    };
    var Callback = (
      /** @class */
      (function(_super) {
        __extends(Callback2, _super);
        function Callback2() {
          var _this = _super.apply(this, __spreadArray([], __read(arguments), false)) || this;
          _this.model = null;
          return _this;
        }
        Callback2.prototype.setModel = function(model2) {
          if (!(model2 instanceof LayersModel)) {
            throw new Error("model must be a LayersModel, not some other Container");
          }
          this.model = model2;
        };
        return Callback2;
      })(BaseCallback)
    );
    function less(currVal, prevVal) {
      return currVal < prevVal;
    }
    function greater(currVal, prevVal) {
      return currVal > prevVal;
    }
    var EarlyStopping = (
      /** @class */
      (function(_super) {
        __extends(EarlyStopping2, _super);
        function EarlyStopping2(args) {
          var _this = _super.call(this) || this;
          if (args == null) {
            args = {};
          }
          if (args.restoreBestWeights) {
            throw new NotImplementedError("restoreBestWeights = True is not implemented in EarlyStopping yet.");
          }
          _this.monitor = args.monitor || "val_loss";
          _this.minDelta = Math.abs(args.minDelta || 0);
          _this.patience = args.patience || 0;
          _this.verbose = args.verbose || 0;
          _this.mode = args.mode || "auto";
          _this.baseline = args.baseline;
          if (["auto", "min", "max"].indexOf(_this.mode) === -1) {
            console.warn("EarlyStopping mode '".concat(_this.mode, "' is invalid. ") + "Falling back to mode 'auto'.");
            _this.mode = "auto";
          }
          if (_this.mode === "min") {
            _this.monitorFunc = less;
          } else if (_this.mode === "max") {
            _this.monitorFunc = greater;
          } else {
            if (_this.monitor.indexOf("acc") !== -1) {
              _this.monitorFunc = greater;
            } else {
              _this.monitorFunc = less;
            }
          }
          if (_this.monitorFunc === less) {
            _this.minDelta *= -1;
          }
          return _this;
        }
        EarlyStopping2.prototype.onTrainBegin = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              this.wait = 0;
              this.stoppedEpoch = 0;
              if (this.baseline != null) {
                this.best = this.baseline;
              } else {
                this.best = this.monitorFunc === less ? Infinity : -Infinity;
              }
              return [
                2
                /*return*/
              ];
            });
          });
        };
        EarlyStopping2.prototype.onEpochEnd = function(epoch, logs) {
          return __awaiter(this, void 0, void 0, function() {
            var current;
            return __generator(this, function(_a2) {
              switch (_a2.label) {
                case 0:
                  return [4, resolveScalarsInLogs(logs)];
                case 1:
                  _a2.sent();
                  current = this.getMonitorValue(logs);
                  if (current == null) {
                    return [
                      2
                      /*return*/
                    ];
                  }
                  if (this.monitorFunc(current - this.minDelta, this.best)) {
                    this.best = current;
                    this.wait = 0;
                  } else {
                    this.wait++;
                    if (this.wait >= this.patience) {
                      this.stoppedEpoch = epoch;
                      this.model.stopTraining = true;
                    }
                  }
                  return [
                    2
                    /*return*/
                  ];
              }
            });
          });
        };
        EarlyStopping2.prototype.onTrainEnd = function(logs) {
          return __awaiter(this, void 0, void 0, function() {
            return __generator(this, function(_a2) {
              if (this.stoppedEpoch > 0 && this.verbose) {
                console.log("Epoch ".concat(this.stoppedEpoch, ": early stopping."));
              }
              return [
                2
                /*return*/
              ];
            });
          });
        };
        EarlyStopping2.prototype.getMonitorValue = function(logs) {
          if (logs == null) {
            logs = {};
          }
          var monitorValue = logs[this.monitor];
          if (monitorValue == null) {
            console.warn("Metric for EarlyStopping ".concat(this.monitor, " is not available. ") + "Available metrics are: ".concat(Object.keys(logs)));
          }
          return monitorValue;
        };
        return EarlyStopping2;
      })(Callback)
    );
    function earlyStopping(args) {
      return new EarlyStopping(args);
    }
    var callbacks = { earlyStopping };
    exports.Callback = Callback;
    exports.CallbackList = CallbackList;
    exports.CustomCallback = CustomCallback;
    exports.EarlyStopping = EarlyStopping;
    exports.History = History;
    exports.InputSpec = InputSpec;
    exports.LayerVariable = LayerVariable;
    exports.LayersModel = LayersModel;
    exports.RNN = RNN;
    exports.Sequential = Sequential;
    exports.SymbolicTensor = SymbolicTensor;
    exports.callbacks = callbacks;
    exports.constraints = exports_constraints;
    exports.initializers = exports_initializers;
    exports.input = input;
    exports.layers = exports_layers;
    exports.loadLayersModel = loadLayersModel;
    exports.metrics = exports_metrics;
    exports.model = model;
    exports.models = exports_models;
    exports.registerCallbackConstructor = registerCallbackConstructor;
    exports.regularizers = exports_regularizers;
    exports.sequential = sequential;
    exports.version_layers = version;
  }
});
export default require_tf_layers_node();
