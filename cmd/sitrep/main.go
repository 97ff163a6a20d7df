// Command sitrep turns a stream of news articles into structured,
// cross-source stories. This file holds only the command registry; each
// subcommand lives in its own cmd_*.go file and calls into internal/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"

	"github.com/sitrep/sitrep/internal/geo"
)

// Exit statuses, documented in the README.
const (
	exitOK      = 0 // everything succeeded
	exitFailure = 1 // the command failed as a whole
	exitUsage   = 2 // bad command line
	exitPartial = 3 // some inputs failed; the others were processed
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// command is one subcommand of sitrep.
type command struct {
	name    string
	summary string // one line for `sitrep help`
	usage   string // argument synopsis, e.g. "[--db FILE] PATH..."
	run     func(ctx context.Context, env *env, args []string) error
}

// env carries the process's streams so commands stay testable.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// stderrIsTerminal decides whether progress bars are drawn.
	stderrIsTerminal bool
}

var commands = map[string]*command{}

func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("sitrep: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

// usageError marks an error caused by a bad command line (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// partialError marks a run in which some inputs failed (exit status 3):
// failed problems (an input, or one document of a container, that could
// not be read), out of total documents tried (problems and documents
// read). It counts problems as the summary line does, never inputs: one
// JSON Lines input may hold many documents and many problems.
type partialError struct{ failed, total int }

func (e partialError) Error() string {
	return fmt.Sprintf("%d problems, each named above; the %d documents that could be read went in", e.failed, e.total-e.failed)
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTerminal: isTerminal(os.Stderr)}
	os.Exit(runMain(ctx, e, os.Args[1:]))
}

// runMain dispatches a command line and maps its error to an exit status.
func runMain(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 {
		printHelp(e.stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help":
		name = "help"
	case "-v", "--version":
		name = "version"
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(e.stderr, "sitrep: unknown command %q (see 'sitrep help')\n", name)
		return exitUsage
	}
	err := c.run(ctx, e, args[1:])
	var ue usageError
	var pe partialError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(e.stderr, "sitrep %s: %v\nusage: sitrep %s %s\n", c.name, err, c.name, c.usage)
		return exitUsage
	case errors.As(err, &pe):
		fmt.Fprintf(e.stderr, "sitrep %s: %v\n", c.name, err)
		return exitPartial
	default:
		fmt.Fprintf(e.stderr, "sitrep %s: %v\n", c.name, err)
		return exitFailure
	}
}

// newFlags returns a FlagSet whose errors are returned, not printed and exited on.
func newFlags(e *env, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("sitrep "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: sitrep %s %s\n\n%s\n\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses flags that may appear before or after positional
// arguments, as users expect from `sitrep ingest DIR --db x.db`.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "sitrep — news articles in, cross-source stories out.")
	fmt.Fprintln(w, "\nusage: sitrep COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'sitrep COMMAND --help' for a command's flags.")
}

func init() {
	register(&command{
		name: "help", summary: "list the commands, or show one command's usage", usage: "[COMMAND]",
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) == 1 {
				if c, ok := commands[args[0]]; ok {
					fmt.Fprintf(e.stdout, "usage: sitrep %s %s\n\n%s\n", c.name, c.usage, c.summary)
					return nil
				}
				return usageError{"unknown command " + args[0]}
			}
			printHelp(e.stdout)
			return nil
		},
	})
	register(&command{
		name: "version", summary: "print sitrep's version (--licenses: and the attribution of the embedded data)", usage: "[--licenses]",
		run: func(ctx context.Context, e *env, args []string) error {
			fmt.Fprintf(e.stdout, "sitrep %s\n", version)
			if len(args) == 1 && (args[0] == "--licenses" || args[0] == "-licenses") {
				fmt.Fprintf(e.stdout, "\n%s", geo.DataAttribution)
			} else if len(args) > 0 {
				return usageError{"version takes only --licenses"}
			}
			return nil
		},
	})
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}
