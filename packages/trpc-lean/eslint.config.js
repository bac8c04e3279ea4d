import base from "@tesseract/eslint-config/base";

export default [
  ...base,
  {
    // Generic: the adapter and its tests import nothing of Tesseract's (callbacks carry the rest).
    files: ["**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "pg", message: "Only @tesseract/db opens PostgreSQL connections." }],
          patterns: [
            {
              group: ["@tesseract/*", "!@tesseract/eslint-config", "!@tesseract/vitest-config"],
              message: "@tesseract/trpc-lean is generic: it depends on no other Tesseract package.",
            },
          ],
        },
      ],
    },
  },
];
