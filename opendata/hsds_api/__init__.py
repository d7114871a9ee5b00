"""The HSDS 3.0 API: every path of Open Referral's OpenAPI under one base, read-only.

`views` answers the paths, `params` reads and checks each path's query parameters, `paging`
builds the spec's paging envelope, `errors` the JSON errors, `openapi` this portal's own
OpenAPI document (the HSDS one, with our server and the `locale` parameter). The HSDS
objects themselves come from `opendata.hsds`, the one place that writes them.
"""
