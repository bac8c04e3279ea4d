import base from "@tesseract/eslint-config/base";

// The fixtures are a project outside the workspace, checked by its own tsconfig in the tests.
export default [...base, { ignores: ["test/fixtures/**"] }];
