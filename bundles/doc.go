// Package bundles writes, signs, reads, verifies and replays annexa's
// evidence bundles.
//
// A bundle is a gzip-compressed tar archive of regular files at its root:
//
//	VERIFY.md             how an auditor verifies the bundle (annexa and cosign)
//	facts.json            the redacted facts, exactly what the policies saw
//	report.json           the whole engine.Report: controls, findings, summary, …
//	policies.tar.gz       the evaluated policy set as an OPA bundle
//	manifest.json         tool and OPA versions, effective time, input digests,
//	                      and the path, size and sha256 of every file above
//	annexa.dsse.json      DSSE envelope of the in-toto v1 statement
//	annexa.sigstore.json  the same envelope as a sigstore bundle v0.3
//
// The statement's subjects are every file except the two signature files,
// which cannot cover themselves; manifest.json is a subject, so everything it
// says is signed. Verification deletes each file from the set of expected
// ones as its digest checks out, as opa/v1/bundle does, so what is left over
// is missing and what was never expected is extra.
package bundles
