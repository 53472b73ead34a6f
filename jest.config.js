/** Root jest: end-to-end tests and repository-wide checks (services' own tests run in their workspaces). */
module.exports = {
  ...require('./jest.preset.js'),
  roots: ['<rootDir>/test'],
  testTimeout: 120000,
};
