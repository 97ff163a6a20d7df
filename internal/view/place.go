package view

import "hash/fnv"

// PlaceID is the id of a place (Place.ID, PlaceMention.Place): its GeoNames
// id when it has one; otherwise a negative number computed from its name
// and country, stable across runs and databases, so that places without a
// GeoNames id (regions, some countries) never share an id — GeoNames id 0
// is never a place's id.
func PlaceID(geonamesID int64, name, country string) int64 {
	if geonamesID > 0 {
		return geonamesID
	}
	h := fnv.New64a()
	h.Write([]byte(name + "|" + country))
	// 52 bits: exact in JSON numbers read by JavaScript.
	return -int64(h.Sum64()&(1<<52-1)) - 1
}
