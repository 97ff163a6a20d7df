package main

import (
	"context"
	"fmt"
	"sort"
)

// evalStage is one `sitrep eval STAGE` evaluation. Each stage registers
// itself from its own file (eval_*.go) with registerEval.
type evalStage struct {
	name    string
	summary string
	usage   string
	run     func(ctx context.Context, e *env, args []string) error
}

var evalStages = map[string]*evalStage{}

func registerEval(s *evalStage) {
	if _, dup := evalStages[s.name]; dup {
		panic("sitrep: eval stage registered twice: " + s.name)
	}
	evalStages[s.name] = s
}

func init() {
	register(&command{
		name:    "eval",
		summary: "score a pipeline stage against gold data in ../shared/eval",
		usage:   "STAGE [flags]   (stages: see 'sitrep eval help')",
		run: func(ctx context.Context, e *env, args []string) error {
			if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
				names := make([]string, 0, len(evalStages))
				for n := range evalStages {
					names = append(names, n)
				}
				sort.Strings(names)
				fmt.Fprintln(e.stdout, "usage: sitrep eval STAGE [flags]\n\nstages:")
				for _, n := range names {
					fmt.Fprintf(e.stdout, "  %-10s %s\n", n, evalStages[n].summary)
				}
				if len(args) == 0 {
					return usageError{"missing STAGE"}
				}
				return nil
			}
			s, ok := evalStages[args[0]]
			if !ok {
				return usageError{fmt.Sprintf("unknown stage %q", args[0])}
			}
			return s.run(ctx, e, args[1:])
		},
	})
}

// evalCommand adapts a stage so it can use newFlags/parseFlags.
func (s *evalStage) command() *command {
	return &command{name: "eval " + s.name, summary: s.summary, usage: s.usage}
}

// sharedEvalDir finds ../shared/eval (or $SITREP_EVAL_DIR) from the working
// directory upward, so evaluations run from the repository root or a subdir.
func sharedEvalDir() (string, error) {
	return findShared("eval")
}
