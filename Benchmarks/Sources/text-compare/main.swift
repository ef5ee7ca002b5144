print("text-compare: not written yet")
