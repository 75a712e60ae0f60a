export * from './rules';
export { lineColumn, parseJson, JsonSyntaxError, type JsonNode } from './json-pos';
