import { exitOnSignals, loadConfigOrExit, startServer } from "./start.ts";

const server = await startServer(loadConfigOrExit());
exitOnSignals(server);
