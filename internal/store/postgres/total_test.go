package postgres

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/sitrep/sitrep/internal/clean"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// The migration that keeps the number of stories starts it from the
// stories a schema already holds (one made before it), and the triggers
// it makes keep it from there.
func TestStoryCountMigration(t *testing.T) {
	ctx := context.Background()
	db := openFresh(t)
	v := 0
	for i, m := range migrations {
		if strings.Contains(m, "CREATE TABLE counters") {
			v = i + 1
		}
	}
	if v == 0 {
		t.Fatal("no migration makes the counters")
	}
	var items []store.Item
	for i := range 4 {
		items = append(items, store.Item{Raw: store.Raw{Origin: fmt.Sprint(i), MediaType: "text/plain", Body: []byte(fmt.Sprint("raw ", i))},
			Article: clean.Article{Text: fmt.Sprint("text ", i)}})
	}
	res, err := db.Put(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	d := &store.Derived{LastArticle: res[3].ID}
	for i, r := range res {
		d.Assignments = append(d.Assignments, store.Assignment{Article: r.ID, Event: int64(i + 1), Storyline: int64(i + 1)})
		d.Events = append(d.Events, store.EventRecord{ID: int64(i + 1), Storyline: int64(i + 1)})
	}
	if err := db.PutDerived(ctx, d); err != nil {
		t.Fatal(err)
	}
	// the schema as it was before the migration, four stories in it,
	// then the migration again
	if _, err := db.Pool().Exec(ctx, `DROP TABLE counters; DROP FUNCTION count_events() CASCADE`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Pool().Exec(ctx, migrations[v-1]); err != nil {
		t.Fatal(err)
	}
	total := func() int {
		t.Helper()
		p, err := db.StoryList(ctx, view.Query{})
		if err != nil {
			t.Fatal(err)
		}
		return p.Total
	}
	if n := total(); n != 4 {
		t.Fatalf("after the migration: %d stories, want 4", n)
	}
	if err := db.PutDerived(ctx, &store.Derived{EventMerges: map[int64]int64{2: 1}, After: res[3].ID, LastArticle: res[3].ID}); err != nil {
		t.Fatal(err)
	}
	if n := total(); n != 3 {
		t.Fatalf("after a merge: %d stories, want 3", n)
	}
}
