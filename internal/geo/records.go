package geo

// Record-level access for the overlay build (scripts/gazetteer/features),
// which links its names and ids to the base index's records.

// Record returns record i as stored.
func (g *Gazetteer) Record(i int32) Record {
	a := g.a1s[g.a1[i]]
	return Record{
		GeonameID: g.ids[i], LatE6: g.lat[i], LonE6: g.lon[i], Population: g.pop[i],
		Country: a[:2], Admin1: a[3:], FeatureCode: g.fcodes[g.fcode[i]], Name: g.names[i],
	}
}

// Postings returns the records listed under a lookup key (Key of a name).
func (g *Gazetteer) Postings(key string) []int32 { return g.postings(key) }

// CountryRecord returns the record of a country by ISO alpha-2 code.
func (g *Gazetteer) CountryRecord(cc string) (int32, bool) {
	r, ok := g.country[cc]
	return r, ok
}

// Admin1Record returns the record of an admin-1 region by its GeoNames code
// ("US.TX").
func (g *Gazetteer) Admin1Record(code string) (int32, bool) {
	r, ok := g.admin1[code]
	return r, ok
}
