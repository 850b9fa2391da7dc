// Package bundles will hold annexa's signed evidence bundles: writing the
// redacted facts, findings and roll-up with a manifest, signing them as an
// in-toto statement in a DSSE envelope, and verifying and replaying them.
// It is reserved by the layout and has no code yet.
package bundles
