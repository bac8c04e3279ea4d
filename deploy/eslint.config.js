import base from "@tesseract/eslint-config/base";

export default base;
