"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUPERGRAPH_PATH = exports.SUBGRAPHS = void 0;
exports.composeSupergraph = composeSupergraph;
exports.readSupergraph = readSupergraph;
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var composition_1 = require("@apollo/composition");
var graphql_1 = require("graphql");
exports.SUBGRAPHS = ['identity', 'enterprise', 'payroll', 'welfare'];
exports.SUPERGRAPH_PATH = node_path_1.default.join(__dirname, '..', 'supergraph.graphql');
var servicesDir = node_path_1.default.join(__dirname, '..', '..', 'services');
/** Composes the subgraph SDL files; throws with every composition error listed. */
function composeSupergraph() {
    var _a;
    var result = (0, composition_1.composeServices)(exports.SUBGRAPHS.map(function (name) { return ({
        name: name,
        // The URL is a placeholder: the gateway maps each subgraph to its configured address at start.
        url: "http://".concat(name, ".subgraph.invalid/graphql"),
        typeDefs: (0, graphql_1.parse)((0, node_fs_1.readFileSync)(node_path_1.default.join(servicesDir, name, 'schema.graphql'), 'utf8')),
    }); }));
    if ((_a = result.errors) === null || _a === void 0 ? void 0 : _a.length) {
        throw new Error("supergraph composition failed:\n".concat(result.errors.map(function (error) { return "- ".concat(error.message); }).join('\n')));
    }
    return "".concat(result.supergraphSdl.trimEnd(), "\n");
}
function readSupergraph() {
    return (0, node_fs_1.readFileSync)(exports.SUPERGRAPH_PATH, 'utf8');
}
