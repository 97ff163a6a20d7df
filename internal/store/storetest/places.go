package storetest

import (
	"strconv"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// Places without a GeoNames id (regions the gazetteer lacks) are kept
// apart — ids, citations, the place filter, their stories — and none has
// id 0; a place is named as the texts write it.
func testPlacesWithoutGeonamesID(t *testing.T, s store.Store) {
	text := "Maryland voted. Kurdistan Region voted. Ar-Raqqa fell. Raqqa fell."
	it := item("a", "", "raw", "T", text)
	it.Analysis = &analyse.Annotation{
		Sentences: sentences(text),
		Places: []analyse.Place{
			{Span: at(t, text, "Maryland", 0), Name: "Maryland", Country: "US", Lat: 39, Lon: -76.7, Feature: "ADM1"},
			{Span: at(t, text, "Kurdistan Region", 0), Sentence: 1, Name: "Kurdistan Region", Country: "IQ", Lat: 36, Lon: 44, Feature: "ADM1"},
			{Span: at(t, text, "Ar-Raqqa", 0), Sentence: 2, Name: "Ar Raqqah", GeonamesID: 163915, Country: "SY", Lat: 35.95, Lon: 39.01},
			{Span: at(t, text, "Raqqa", 1), Sentence: 3, Name: "Ar Raqqah", GeonamesID: 163915, Country: "SY", Lat: 35.95, Lon: 39.01},
			{Span: at(t, text, "Raqqa", 1), Sentence: 3, Name: "Ar Raqqah", GeonamesID: 163915, Country: "SY", Lat: 35.95, Lon: 39.01},
		},
	}
	other := item("b", "", "raw b", "T", "Kurdistan Region again.")
	other.Analysis = &analyse.Annotation{Sentences: sentences(other.Article.Text),
		Places: []analyse.Place{{Span: analyse.Span{Start: 0, End: 16}, Name: "Kurdistan Region", Country: "IQ", Lat: 36, Lon: 44, Feature: "ADM1"}}}
	res := put(t, s, it, other)
	putDerived(t, s, &store.Derived{Assignments: []store.Assignment{{Article: res[0].ID, Event: 1, Storyline: 1}, {Article: res[1].ID, Event: 2, Storyline: 2}},
		Events: []store.EventRecord{{ID: 1, Storyline: 1}, {ID: 2, Storyline: 2}}, LastArticle: res[1].ID})
	pl, err := s.PlaceList(ctx, view.Query{})
	if err != nil || len(pl.Items) != 3 {
		t.Fatalf("places %+v, %v", pl.Items, err)
	}
	byName := map[string]view.Place{}
	for _, p := range pl.Items {
		byName[p.Name] = p
		if p.ID == 0 {
			t.Errorf("place %q has id 0", p.Name)
		}
		for _, n := range p.Names {
			if n == "Ar Raqqah" {
				t.Errorf("%q lists the gazetteer's spelling as written: %v", p.Name, p.Names)
			}
		}
	}
	raqqa, md, kr := byName["Raqqa"], byName["Maryland"], byName["Kurdistan Region"]
	if raqqa.ID != 163915 || len(raqqa.Names) != 2 || raqqa.Names[0] != "Raqqa" || !eq(raqqa.Stories, []int64{1}) {
		t.Errorf("Raqqa: %+v: want GeoNames id, shown as written most, names as written, story 1", raqqa)
	}
	if md.ID >= 0 || kr.ID >= 0 || md.ID == kr.ID {
		t.Fatalf("ids without GeoNames: Maryland %d, Kurdistan Region %d: want distinct negative ids", md.ID, kr.ID)
	}
	if !eq(md.Stories, []int64{1}) || !eq(kr.Stories, []int64{1, 2}) || kr.Mentions != 2 {
		t.Errorf("stories: Maryland %v, Kurdistan Region %v (%d mentions)", md.Stories, kr.Stories, kr.Mentions)
	}
	for _, p := range []view.Place{md, kr} {
		_, texts, err := s.PlaceCitations(ctx, p.ID, 10)
		if err != nil || len(texts) == 0 || texts[0][:len(p.Name)] != p.Name {
			t.Errorf("citations of %s: %q, %v", p.Name, texts, err)
		}
		got, err := s.PlaceList(ctx, view.Query{Text: strconv.FormatInt(p.ID, 10)})
		if err != nil || len(got.Items) != 1 || got.Items[0].Name != p.Name {
			t.Errorf("place %d: %+v, %v", p.ID, got.Items, err)
		}
		if arts, _ := s.ArticleList(ctx, view.Query{Place: strconv.FormatInt(p.ID, 10)}); arts.Total != len(p.Articles) {
			t.Errorf("articles naming %s: %d, want %d", p.Name, arts.Total, len(p.Articles))
		}
	}
	if got, err := s.PlaceList(ctx, view.Query{Text: "0"}); err != nil || len(got.Items) != 0 {
		t.Errorf("place 0: %+v, %v; want none", got.Items, err)
	}
	sr, err := s.SearchArticles(ctx, view.Query{Text: "fell"})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]int{}
	for _, f := range sr.Facets.Places {
		names[f.Value] = f.Count
	}
	if len(names) != 3 || names["Raqqa"] != 1 || names["Ar Raqqah"] != 0 {
		t.Errorf("place facets %+v: want Raqqa as written", sr.Facets.Places)
	}
}
