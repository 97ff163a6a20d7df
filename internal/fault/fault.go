// Package fault turns a panic inside one stage of the pipeline, on one
// article, into a recorded fault, so that one bad input can never stop the
// corpus: the stage boundary recovers, the fault is kept with the article
// and the pipeline moves on.
package fault

import (
	"fmt"
	"runtime"
	"strings"
)

// Fault is a stage's failure on one input.
type Fault struct {
	Stage   string `json:"stage"`   // "analysis/quotes", "actors", "stories", ...
	Message string `json:"message"` // the panic's value
	Where   string `json:"where"`   // the innermost sitrep function and line that failed
}

// Error implements error.
func (f *Fault) Error() string {
	s := f.Stage + ": internal fault: " + f.Message
	if f.Where != "" {
		s += " (at " + f.Where + ")"
	}
	return s
}

// Run calls f and returns the fault a panic in it raised, or nil.
func Run(stage string, f func()) (flt *Fault) {
	defer func() {
		if r := recover(); r != nil {
			flt = &Fault{Stage: stage, Message: fmt.Sprint(r), Where: where()}
		}
	}()
	f()
	return nil
}

// where finds the innermost frame of sitrep's own code below the panic,
// skipping the runtime and this package.
func where() string {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		if strings.Contains(fr.Function, "sitrep/internal/") && !strings.HasSuffix(fr.Function, "internal/fault.Run") &&
			!strings.Contains(fr.Function, "internal/fault.Run.") && !strings.HasSuffix(fr.Function, "internal/fault.where") {
			file := fr.File
			if j := strings.Index(file, "/internal/"); j >= 0 {
				file = file[j+1:]
			}
			return fmt.Sprintf("%s:%d", file, fr.Line)
		}
		if !more {
			return ""
		}
	}
}
