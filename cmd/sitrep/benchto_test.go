package main

import "testing"

func TestArticlesToAdd(t *testing.T) {
	for _, c := range []struct {
		to     int
		stored int64
		want   int
	}{
		{1000000, 0, 1000000},
		{1000000, 504198, 495802},
		{450000, 449999, 1},
		{450000, 450000, 0},
		{450000, 499999, 0}, // already past: nothing added, never negative
	} {
		if got := articlesToAdd(c.to, c.stored); got != c.want {
			t.Errorf("articlesToAdd(%d, %d) = %d, want %d", c.to, c.stored, got, c.want)
		}
	}
}
