package main

import (
	"testing"

	"github.com/sitrep/sitrep/internal/event"
)

// TestMentionsLabel: the events table counts an event's mentions and says
// how many are headlines (sentence -1).
func TestMentionsLabel(t *testing.T) {
	ms := []event.MentionRef{{Sentence: 3}, {Sentence: event.HeadlineIndex}, {Sentence: 0}}
	if got := mentionsLabel(ms); got != "3 (1 headline)" {
		t.Errorf("got %q", got)
	}
	if got := mentionsLabel(ms[:1]); got != "1" {
		t.Errorf("got %q", got)
	}
}
