package rows

import (
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/view"
)

func TestDistinctOutlets(t *testing.T) {
	got := strings.Join(DistinctOutlets([]string{"AP", "AFP, Reuters, AP, dpa", "AFP", " ", "Bloomberg"}), "|")
	if want := "AP|AFP|Reuters|dpa|Bloomberg"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestWithRefAliases(t *testing.T) {
	got := WithRefAliases("Ana Torres", []string{"Torres"}, []string{"the  defence chief", "The defence chief", "torres", "ana torres", " ", "MoD"})
	if want := "Torres|the defence chief|MoD"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %s", got, want)
	}
}

func TestByCountAndNotDemonyms(t *testing.T) {
	if got := strings.Join(ByCount([]string{"b", "a", "a", "c", "a", "b"}), "|"); got != "a|b|c" {
		t.Errorf("ByCount = %s, want a|b|c", got)
	}
	if got := strings.Join(NotDemonyms([]string{"Iraqi", "Iraq", "Mosul"}), "|"); got != "Iraq|Mosul" {
		t.Errorf("NotDemonyms = %s, want Iraq|Mosul", got)
	}
}

func TestRankStoryActors(t *testing.T) {
	mk := func(id int64, name string, mentions int) view.StoryActor {
		return view.StoryActor{Actor: view.Actor{ID: id, Name: name, Mentions: mentions}}
	}
	got := RankStoryActors([]view.StoryActor{mk(3, "B", 2), mk(1, "A", 5), mk(2, "B", 2), mk(4, "A", 2)}, 3)
	var ids []int64
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if len(ids) != 3 || ids[0] != 1 || ids[1] != 4 || ids[2] != 2 {
		t.Errorf("order = %v, want [1 4 2]", ids)
	}
}
