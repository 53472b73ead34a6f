"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createGateway = createGateway;
var node_http_1 = require("node:http");
var gateway_1 = require("@apollo/gateway");
var server_1 = require("@apollo/server");
var graphql_armor_1 = require("@escape.tech/graphql-armor");
var platform_1 = require("@yikatong/platform");
var supergraph_1 = require("./supergraph");
/** The one GraphQL endpoint for portals, enterprises, workers, banks and dashboards. */
function createGateway(config) {
    var _this = this;
    var logger = (0, platform_1.createLogger)('gateway', config.LOG_LEVEL);
    var production = config.NODE_ENV === 'production';
    var verifyCaller = (0, platform_1.createTokenVerifier)(config);
    var serviceToken = (0, platform_1.serviceTokenSource)(config, 'gateway');
    var subgraphUrls = {
        identity: config.IDENTITY_URL,
        enterprise: config.ENTERPRISE_URL,
        payroll: config.PAYROLL_URL,
        welfare: config.WELFARE_URL,
    };
    var gateway = new gateway_1.ApolloGateway({
        supergraphSdl: (0, supergraph_1.readSupergraph)(),
        buildService: function (_a) {
            var name = _a.name;
            return new gateway_1.RemoteGraphQLDataSource({
                url: subgraphUrls[name],
                willSendRequest: function (_a) { return __awaiter(_this, [_a], void 0, function (_b) {
                    var _c, _d, _e, _f;
                    var _g, _h;
                    var request = _b.request, context = _b.context;
                    return __generator(this, function (_j) {
                        switch (_j.label) {
                            case 0:
                                if (!((_g = request.http) === null || _g === void 0)) return [3 /*break*/, 1];
                                _c = void 0;
                                return [3 /*break*/, 3];
                            case 1:
                                _e = (_d = _g.headers).set;
                                _f = [platform_1.SERVICE_TOKEN_HEADER];
                                return [4 /*yield*/, serviceToken()];
                            case 2:
                                _c = _e.apply(_d, _f.concat([_j.sent()]));
                                _j.label = 3;
                            case 3:
                                _c;
                                if (context.token)
                                    (_h = request.http) === null || _h === void 0 ? void 0 : _h.headers.set('authorization', "Bearer ".concat(context.token));
                                return [2 /*return*/];
                        }
                    });
                }); },
            });
        },
    });
    var armor = new graphql_armor_1.ApolloArmor({
        maxDepth: { n: config.GATEWAY_MAX_DEPTH },
        maxAliases: { n: config.GATEWAY_MAX_ALIASES },
        costLimit: { maxCost: config.GATEWAY_MAX_COST },
        blockFieldSuggestion: { enabled: production },
    });
    var protection = armor.protect();
    var apollo = new server_1.ApolloServer(__assign(__assign({ gateway: gateway }, protection), { plugins: __spreadArray([], protection.plugins, true), validationRules: __spreadArray([], protection.validationRules, true), introspection: !production, includeStacktraceInErrorResponses: !production, formatError: (0, platform_1.createErrorFormatter)(logger, production) }));
    var handle = function (req, res) { return __awaiter(_this, void 0, void 0, function () {
        var path, token_1, error_1;
        var _this = this;
        var _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    path = ((_a = req.url) !== null && _a !== void 0 ? _a : '/').split('?')[0];
                    if (path === '/healthz')
                        return [2 /*return*/, (0, platform_1.sendJson)(res, 200, { status: 'ok', service: 'gateway' })];
                    if (path !== '/graphql')
                        return [2 /*return*/, (0, platform_1.sendJson)(res, 404, { error: 'not found' })];
                    _b.label = 1;
                case 1:
                    _b.trys.push([1, 5, , 6]);
                    token_1 = (0, platform_1.bearerToken)(req.headers.authorization);
                    if (!token_1) return [3 /*break*/, 3];
                    return [4 /*yield*/, verifyCaller(token_1)];
                case 2:
                    _b.sent();
                    _b.label = 3;
                case 3: return [4 /*yield*/, (0, platform_1.executeGraphQL)(apollo, req, res, function () { return __awaiter(_this, void 0, void 0, function () { return __generator(this, function (_a) {
                        return [2 /*return*/, ({ token: token_1 })];
                    }); }); })];
                case 4:
                    _b.sent();
                    return [3 /*break*/, 6];
                case 5:
                    error_1 = _b.sent();
                    if (error_1 instanceof platform_1.AppError)
                        return [2 /*return*/, (0, platform_1.sendGraphQLError)(res, 401, error_1.code, error_1.message)];
                    logger.error({ err: error_1 }, 'gateway request failed');
                    return [2 /*return*/, (0, platform_1.sendGraphQLError)(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal error; it has been logged.')];
                case 6: return [2 /*return*/];
            }
        });
    }); };
    return {
        listen: function () {
            return __awaiter(this, arguments, void 0, function (port, host) {
                var server, actualPort;
                var _this = this;
                if (port === void 0) { port = config.GATEWAY_PORT; }
                if (host === void 0) { host = '127.0.0.1'; }
                return __generator(this, function (_a) {
                    switch (_a.label) {
                        case 0: return [4 /*yield*/, apollo.start()];
                        case 1:
                            _a.sent();
                            server = node_http_1.default.createServer(function (req, res) { return void handle(req, res); });
                            return [4 /*yield*/, new Promise(function (resolve) { return server.listen(port, host, resolve); })];
                        case 2:
                            _a.sent();
                            actualPort = server.address().port;
                            logger.info({ port: actualPort }, 'gateway listening');
                            return [2 /*return*/, {
                                    url: "http://".concat(host, ":").concat(actualPort, "/graphql"),
                                    port: actualPort,
                                    close: function () { return __awaiter(_this, void 0, void 0, function () {
                                        return __generator(this, function (_a) {
                                            switch (_a.label) {
                                                case 0: return [4 /*yield*/, new Promise(function (resolve) { return server.close(function () { return resolve(); }); })];
                                                case 1:
                                                    _a.sent();
                                                    return [4 /*yield*/, apollo.stop()];
                                                case 2:
                                                    _a.sent();
                                                    return [2 /*return*/];
                                            }
                                        });
                                    }); },
                                }];
                    }
                });
            });
        },
    };
}
