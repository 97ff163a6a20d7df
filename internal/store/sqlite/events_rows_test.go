package sqlite

import (
	"fmt"
	"testing"
)

// TestEachRows checks that the ranges cover every row once, in order,
// each of one of the few sizes whose statement texts are prepared.
func TestEachRows(t *testing.T) {
	sizes := map[int]bool{}
	for n := 1; n <= maxRowsPerInsert; n *= 2 {
		sizes[n] = true
	}
	for _, total := range []int{0, 1, 2, 3, 7, 63, 64, 65, 127, 128, 200, 1000} {
		t.Run(fmt.Sprint(total), func(t *testing.T) {
			next := 0
			err := eachRows(total, func(start, n int) error {
				if start != next {
					t.Fatalf("range starts at %d, want %d", start, next)
				}
				if !sizes[n] {
					t.Fatalf("range of %d rows", n)
				}
				next = start + n
				return nil
			})
			if err != nil || next != total {
				t.Fatalf("covered %d of %d rows (err %v)", next, total, err)
			}
		})
	}
	if got := rowsOf(3, "(?,?)"); got != "(?,?),(?,?),(?,?)" {
		t.Fatalf("rowsOf = %q", got)
	}
}
