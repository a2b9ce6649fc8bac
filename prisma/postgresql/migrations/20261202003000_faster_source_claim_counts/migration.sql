-- Written by hand. A link insert counts a (source, claim) pair as new when every link of the pair
-- is among the statement's rows: one index count per pair. The function it replaces probed
-- "a link not among the rows" with NOT IN over the transition table: 22 ms for 152 links on a
-- 28,000-link table, 2 ms with this one.
CREATE OR REPLACE FUNCTION "AttributionLink_count_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "SourceClaimCount" k
     SET "inChains" = k."inChains" + d."chains", "asSpeaker" = k."asSpeaker" + d."speakers"
    FROM (SELECT p."sourceId",
                 COUNT(*) FILTER (WHERE p."links" = (SELECT COUNT(*) FROM "AttributionLink" l
                   WHERE l."sourceId" = p."sourceId" AND l."claimId" = p."claimId")) AS "chains",
                 COUNT(*) FILTER (WHERE p."speaking" > 0 AND p."speaking" = (SELECT COUNT(*) FROM "AttributionLink" l
                   WHERE l."sourceId" = p."sourceId" AND l."claimId" = p."claimId" AND l."role" = 'speaker')) AS "speakers"
            FROM (SELECT a."sourceId", a."claimId", COUNT(*) AS "links",
                         COUNT(*) FILTER (WHERE a."role" = 'speaker') AS "speaking"
                    FROM added a GROUP BY a."sourceId", a."claimId") p
           GROUP BY p."sourceId") d
   WHERE k."sourceId" = d."sourceId";
  RETURN NULL;
END $$;
