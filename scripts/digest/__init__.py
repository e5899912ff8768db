"""A literature digest that publishes itself.

The pipeline is a chain of small stages over one data model (``digest.model``)::

    ingest -> clean -> references -> citations -> compare -> render
"""
