import { Argument, type Command } from "commander";

const names = (command: Command) => command.commands.map((c) => c.name());
const flags = (command: Command) => command.options.map((o) => o.long ?? o.short ?? "");

/** A bash completion function written from the command tree, so it never lags behind it. */
export function bashCompletion(program: Command): string {
  const globals = flags(program);
  const cases: string[] = [];
  for (const command of program.commands) {
    for (const sub of command.commands) {
      const words = [...flags(sub), ...globals].join(" ");
      cases.push(`    "${command.name()} ${sub.name()}") words="${words}" ;;`);
    }
    const words = [...names(command), ...flags(command), ...globals].join(" ");
    cases.push(`    "${command.name()} "*) words="${words}" ;;`);
  }
  return `# tesseract completion (bash): eval "$(tesseract completion bash)"
_tesseract() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" words
  case "\${COMP_WORDS[1]} \${COMP_WORDS[2]}" in
${cases.join("\n")}
    *) words="${[...names(program), ...globals].join(" ")}" ;;
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
complete -o default -F _tesseract tesseract
`;
}

export function registerCompletion(program: Command): void {
  program
    .command("completion")
    .description('print a shell completion script: eval "$(tesseract completion bash)"')
    .addArgument(new Argument("<shell>", "the shell").choices(["bash", "zsh"]))
    .action((shell: string) => {
      const script = bashCompletion(program);
      // zsh runs bash completion functions through bashcompinit.
      const prefix = shell === "zsh" ? "autoload -U +X bashcompinit && bashcompinit\n" : "";
      process.stdout.write(prefix + script);
    });
}
