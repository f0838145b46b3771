/**
 * The purchases connector: schema.org Order and ParcelDelivery markup (Gmail email markup, as shops and carriers
 * send it) turned into findings. Only {@link io.mailsift.purchases.PurchaseConnector} is public.
 */
@NullMarked
package io.mailsift.purchases;

import org.jspecify.annotations.NullMarked;
