// Commands the host shell answers itself, because they concern the terminal or the playground
// rather than a program: clear, history, exit. They work before just-bash has loaded, and the
// same code serves them inside pipelines once it has.

export const home = "/home/learner";
export const user = "learner";
export const hostname = "playground";

/** Cursor home, erase the screen, erase the scrollback: what `clear` sends in xterm. */
export const clearSequence = "\x1b[H\x1b[2J\x1b[3J";

export const welcomeText =
  "Welcome to the Docker playground: a Docker engine running right here in your browser tab.\n" +
  "Try `docker run hello-world`, or `cat README.md` for a short tour.\n";

export const exitText =
  "There is nothing to log out of: the playground keeps running in this tab.\n" +
  "Your containers and files stay as they are; close the tab whenever you are done.\n";

export const readmeText = `# Your Docker playground

This is your home directory, ${home}. The shell you are typing into, and the Docker
engine behind the \`docker\` command, both run inside this browser tab: nothing is sent to
a server and nothing expires.

Some first steps:

    docker run hello-world          # run a container and read what it prints
    docker run -d --name web nginx  # start a web server in the background
    docker ps                       # list running containers
    docker logs web                 # read what it has logged so far
    docker stop web                 # stop it again

The shell is a real one: pipes (docker ps -q | wc -l), command substitution
(docker rm $(docker ps -aq)), && and redirections all work. Files you create here are
kept when you reload the page.
`;

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface HistoryPort {
  entries(): readonly string[];
  clear(): void;
}

/** bash's `history`, `history N` and `history -c`. */
export function historyCommand(args: readonly string[], history: HistoryPort): CommandOutput {
  const [first] = args;
  if (first === "-c") {
    history.clear();
    return { stdout: "", stderr: "", exitCode: 0 };
  }
  const entries = history.entries();
  let start = 0;
  if (first !== undefined) {
    if (!/^\d+$/.test(first)) {
      return { stdout: "", stderr: `bash: history: ${first}: numeric argument required\n`, exitCode: 1 };
    }
    start = Math.max(0, entries.length - Number(first));
  }
  let stdout = "";
  for (let i = start; i < entries.length; i++) stdout += `${String(i + 1).padStart(5)}  ${entries[i]}\n`;
  return { stdout, stderr: "", exitCode: 0 };
}
