"""Scrapy side: the source registry, settings, middlewares, the generic list -> detail spider."""
