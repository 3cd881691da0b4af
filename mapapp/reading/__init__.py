"""Reading an article: what it says about places, days, actors and figures, each found as
an exact span of the text (Qt-free, like the model)."""
