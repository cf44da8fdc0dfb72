"""The coach's widgets: SMART meters, evidence view, findings panel and coach panel."""
