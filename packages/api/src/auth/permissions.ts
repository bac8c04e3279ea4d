// The permission table lives in @tesseract/validators so the web app hides exactly what the
// API refuses; the API enforces it (orgProcedure) and re-exports it here for its own code.
export { can, lowerRole, PERMISSIONS, roleAtLeast } from "@tesseract/validators";
export type { Permission } from "@tesseract/validators";
