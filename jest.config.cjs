/** Jest runs TypeScript through SWC; ESM-only dependencies are transformed too. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.(t|j|mj)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(rou3|@colyseus|openai)/)"],
  setupFiles: ["<rootDir>/tests/setup.ts"],
  testTimeout: 60000,
};
