import base from "@tesseract/eslint-config/base";

export default [
  ...base,
  {
    // This package is the one place that opens PostgreSQL connections.
    rules: { "no-restricted-imports": "off" },
  },
];
