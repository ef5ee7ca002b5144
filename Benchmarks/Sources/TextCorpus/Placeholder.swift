// Replaced by the corpus generator.
