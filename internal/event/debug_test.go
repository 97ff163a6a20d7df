package event

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugPatterns(t *testing.T) {
	s := os.Getenv("EVDEBUG")
	if s == "" {
		t.Skip()
	}
	c := NewCoder()
	c.toks = tokenize(s, 0, len(s), nil)
	for i, tk := range c.toks {
		for _, f := range c.d.forms[tk.low] {
			if !matchForm(c.toks, i, f.words) {
				continue
			}
			p := c.bestPattern(f.block, i, i+len(f.words))
			fmt.Printf("%s block=%s code=%s verbal=%v", tk.low, f.block.name, f.code, c.verbal(i, f))
			if p != nil {
				fmt.Printf(" pattern=%s %+v | %+v", p.code, p.before, p.after)
			}
			fmt.Println()
			break
		}
	}
}
