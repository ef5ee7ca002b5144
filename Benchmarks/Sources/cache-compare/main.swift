print("cache-compare: not written yet")
