# METADATA
# title: Cryptography helpers
# description: |
#   Shared predicates of the cryptography policies across clouds: which TLS
#   version strings are too old, and which resources hold data whose
#   classification calls for a customer-managed key.
# custom:
#   library: true
package annexa.lib.crypto

import data.annexa.lib.labels
import data.annexa.lib.tags

# weak_tls is true for a TLS or SSL protocol version older than TLS 1.2,
# however a provider spells it: "TLS1_0", "1.1", "TLSv1", "TLS_1_0",
# "SSLv3".
weak_tls(v) if {
	is_string(v)
	regex.match(`^(?i)(tls)?[ _]?v?1([._]?[01])?$`, trim_space(v))
}

weak_tls(v) if {
	is_string(v)
	regex.match(`^(?i)ssl[ _]?v?[23]`, trim_space(v))
}

# classification_keys are the tag and label keys that state a resource's
# information classification, after tags.normalize.
classification_keys := {"classification", "dataclassification", "informationclassification", "confidentiality"}

# customer_key_levels are the classification levels whose data must be
# encrypted with a key the organisation manages, after tags.normalize.
customer_key_levels := {"confidential", "restricted", "secret", "highlyconfidential", "strictlyconfidential"}

# classification returns the classification a resource is labelled with,
# as written; undefined when it has none.
classification(r) := labels.value(r, classification_keys)

# needs_customer_key is true for a resource labelled with a classification
# whose data must be encrypted under a customer-managed key.
needs_customer_key(r) if tags.normalize(classification(r)) in customer_key_levels
