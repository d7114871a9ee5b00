"""The cluster backend: our own index on OpenSearch or Elasticsearch (elasticsearch-dsl)."""
