"""The researchers' side: study keys (`keys`) and merging participants' exports (`merge`)."""
