"""Processing algorithms of Sozialplanung: thin adapters from parameters to geolib."""
