-- An order's or a parcel's status only moves forward. Findings of one key are merged by mail date (the newer mail's
-- properties win), but a mail does not always say where an order stands: a confirmation re-sent after the delivery
-- says "processing", a late "shipped" notice can arrive after "delivered", and a backfill reads an old "delivered"
-- after a newer re-sent confirmation. The merge keeps the status furthest along; of two equally far, the newer mail's.
-- A problem (a failed delivery attempt) is no step of its own: a newer mail's problem shows unless the order was
-- already delivered, returned or cancelled, and a newer mail's known status replaces a problem.

-- How far along an order or parcel a schema.org OrderStatus is: -1 for OrderProblem, 0 for none or a value this list
-- does not know (a known status is kept over an unknown one). The value is a string
-- ("https://schema.org/OrderDelivered", "OrderDelivered") or a DeliveryEvent object naming it.
CREATE FUNCTION order_status_rank(status jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE regexp_replace(CASE jsonb_typeof(status)
                               WHEN 'string' THEN status #>> '{}'
                               WHEN 'object' THEN status ->> 'name'
                           END, '^.*/', '')
           WHEN 'OrderProblem' THEN -1
           WHEN 'OrderPaymentDue' THEN 1
           WHEN 'OrderProcessing' THEN 2
           WHEN 'OrderInTransit' THEN 3
           WHEN 'OrderPickupAvailable' THEN 4
           WHEN 'OrderOutForDelivery' THEN 4
           WHEN 'OrderDelivered' THEN 5
           WHEN 'OrderReturned' THEN 6
           WHEN 'OrderCancelled' THEN 6
           ELSE 0
       END
$$;

-- Of a stored and an incoming value of one status property, the one to keep.
CREATE FUNCTION furthest_status(stored jsonb, incoming jsonb, incoming_newer boolean) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
           WHEN stored IS NULL OR jsonb_typeof(stored) = 'null' THEN incoming
           WHEN incoming IS NULL OR jsonb_typeof(incoming) = 'null' THEN stored
           ELSE (SELECT CASE
                            WHEN order_status_rank(older) = 0 THEN newer
                            WHEN order_status_rank(newer) = 0 THEN older
                            WHEN order_status_rank(newer) = -1
                                THEN CASE WHEN order_status_rank(older) >= 5 THEN older ELSE newer END
                            WHEN order_status_rank(older) = -1 THEN newer
                            WHEN order_status_rank(newer) >= order_status_rank(older) THEN newer
                            ELSE older
                        END
                 FROM (SELECT CASE WHEN incoming_newer THEN incoming ELSE stored END AS newer,
                              CASE WHEN incoming_newer THEN stored ELSE incoming END AS older) AS pair)
       END
$$;

-- merged (the two payloads merged by mail date) with orderStatus and deliveryStatus as furthest_status says.
CREATE FUNCTION keep_furthest_status(stored jsonb, incoming jsonb, incoming_newer boolean, merged jsonb)
    RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT merged || jsonb_strip_nulls(jsonb_build_object(
           'orderStatus', furthest_status(stored -> 'orderStatus', incoming -> 'orderStatus', incoming_newer),
           'deliveryStatus', furthest_status(stored -> 'deliveryStatus', incoming -> 'deliveryStatus', incoming_newer)))
$$;
