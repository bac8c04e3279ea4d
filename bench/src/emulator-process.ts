/**
 * The S3/SQS emulator in a process of its own, for the jobs bench: the emulator's CPU then
 * lands on its own core rather than in the measured process, for the raw loop and the outbox
 * path alike. Prints its URL as the first line of stdout; stops on SIGTERM.
 */
import { startAwsEmulator } from "@tesseract/storage/emulator";

const emulator = await startAwsEmulator({ port: 0, allowedOrigins: [] });
process.stdout.write(`${emulator.url}\n`);
process.once("SIGTERM", () => {
  void emulator.close().finally(() => process.exit(0));
});
