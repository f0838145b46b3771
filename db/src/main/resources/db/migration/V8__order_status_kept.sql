-- An order's or a parcel's status only moves forward. Findings of one key are merged by mail date (the newer mail's
-- properties win), but a mail does not always say where an order stands: a confirmation re-sent after the delivery
-- says "processing", a late "shipped" notice can arrive after "delivered". The merge keeps the status furthest along
-- this order; of two equally far (a problem and "out for delivery"), the newer mail's.

-- How far along an order or parcel a schema.org OrderStatus is: 0 for none or a value this list does not know (a
-- stored unknown value never holds back a new one; a stored known one is kept over a new unknown one). The value is a string ("https://schema.org/OrderDelivered", "OrderDelivered") or a
-- DeliveryEvent object naming it.
CREATE FUNCTION order_status_rank(status jsonb) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE regexp_replace(CASE jsonb_typeof(status)
                               WHEN 'string' THEN status #>> '{}'
                               WHEN 'object' THEN status ->> 'name'
                           END, '^.*/', '')
           WHEN 'OrderPaymentDue' THEN 1
           WHEN 'OrderProcessing' THEN 2
           WHEN 'OrderInTransit' THEN 3
           WHEN 'OrderPickupAvailable' THEN 4
           WHEN 'OrderOutForDelivery' THEN 4
           WHEN 'OrderProblem' THEN 4
           WHEN 'OrderDelivered' THEN 5
           WHEN 'OrderReturned' THEN 6
           WHEN 'OrderCancelled' THEN 6
           ELSE 0
       END
$$;

-- merged with the stored finding's orderStatus and deliveryStatus put back where they are further along.
CREATE FUNCTION keep_furthest_status(stored jsonb, merged jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT merged
    || CASE WHEN order_status_rank(stored -> 'orderStatus') > order_status_rank(merged -> 'orderStatus')
            THEN jsonb_build_object('orderStatus', stored -> 'orderStatus') ELSE '{}'::jsonb END
    || CASE WHEN order_status_rank(stored -> 'deliveryStatus') > order_status_rank(merged -> 'deliveryStatus')
            THEN jsonb_build_object('deliveryStatus', stored -> 'deliveryStatus') ELSE '{}'::jsonb END
$$;
