-- Mandates by the paragraph that makes them: search facets and decision pages.
CREATE INDEX mandates_paragraph ON mandates (decision_id, path);
