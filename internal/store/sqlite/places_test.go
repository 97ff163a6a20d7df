package sqlite

import (
	"context"
	"strconv"
	"testing"

	"github.com/sitrep/sitrep/internal/analyse"
	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/view"
)

// TestPlacesWithoutGeonamesID: two places without a GeoNames id keep
// apart (ids, citations, the place filter), none has id 0; a place is
// named as the texts write it, and only those names are listed as written.
func TestPlacesWithoutGeonamesID(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	text := "Maryland voted. Kurdistan Region voted. Ar-Raqqa fell. Raqqa fell."
	it := item("a", "", "raw", "T", text)
	it.Analysis = &analyse.Annotation{
		Sentences: []analyse.Span{{Start: 0, End: 15}, {Start: 16, End: 39}, {Start: 40, End: 54}, {Start: 55, End: 66}},
		Places: []analyse.Place{
			{Span: analyse.Span{Start: 0, End: 8}, Name: "Maryland", Country: "US", Lat: 39, Lon: -76.7, Feature: "ADM1"},
			{Span: analyse.Span{Start: 16, End: 32}, Sentence: 1, Name: "Kurdistan Region", Country: "IQ", Lat: 36, Lon: 44, Feature: "ADM1"},
			{Span: analyse.Span{Start: 40, End: 48}, Sentence: 2, Name: "Ar Raqqah", GeonamesID: 163915, Country: "SY", Lat: 35.95, Lon: 39.01},
			{Span: analyse.Span{Start: 55, End: 60}, Sentence: 3, Name: "Ar Raqqah", GeonamesID: 163915, Country: "SY", Lat: 35.95, Lon: 39.01},
			{Span: analyse.Span{Start: 55, End: 60}, Sentence: 3, Name: "Ar Raqqah", GeonamesID: 163915, Country: "SY", Lat: 35.95, Lon: 39.01},
		},
	}
	if _, err := db.Put(ctx, []store.Item{it}); err != nil {
		t.Fatal(err)
	}
	pl, err := db.PlaceList(ctx, view.Query{})
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
	if raqqa.ID != 163915 || len(raqqa.Names) != 2 || raqqa.Names[0] != "Raqqa" {
		t.Errorf("Raqqa: %+v: want GeoNames id, shown as written most, names as written", raqqa)
	}
	if md.ID >= 0 || kr.ID >= 0 || md.ID == kr.ID {
		t.Fatalf("ids without GeoNames: Maryland %d, Kurdistan Region %d: want distinct negative ids", md.ID, kr.ID)
	}
	for _, p := range []view.Place{md, kr} {
		_, texts, err := db.PlaceCitations(ctx, p.ID, 10)
		if err != nil || len(texts) != 1 || texts[0][:len(p.Name)] != p.Name {
			t.Errorf("citations of %s: %q, %v", p.Name, texts, err)
		}
		got, err := db.PlaceList(ctx, view.Query{Text: strconv.FormatInt(p.ID, 10)})
		if err != nil || len(got.Items) != 1 || got.Items[0].Name != p.Name {
			t.Errorf("place %d: %+v, %v", p.ID, got.Items, err)
		}
	}
	if got, err := db.PlaceList(ctx, view.Query{Text: "0"}); err != nil || len(got.Items) != 0 {
		t.Errorf("place 0: %+v, %v; want none", got.Items, err)
	}
	res, err := db.SearchArticles(ctx, view.Query{Text: "fell"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Facets.Places {
		if f.Value == "Ar Raqqah" {
			t.Errorf("place facet by the gazetteer's spelling: %+v", res.Facets.Places)
		}
	}
	if len(res.Facets.Places) != 3 || res.Facets.Places[2].Value != "Raqqa" && res.Facets.Places[0].Value != "Raqqa" && res.Facets.Places[1].Value != "Raqqa" {
		t.Errorf("place facets %+v: want Raqqa as written", res.Facets.Places)
	}
}
