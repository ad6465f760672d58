import { id as routeId, type Ctx, type Route } from './context.ts';
import { invalidRequest, resourceMissing } from './errors.ts';
import { newId } from './ids.ts';
import { listOf } from './lists.ts';
import type { Customer } from './models.ts';
import { isParams, mergeMetadata, nullableString, optionalHash, optionalString, rejectUnknown } from './params.ts';
import { attachToCustomer, resolvePaymentMethod } from './payment-methods.ts';
import { findObject, listObjects, putObject } from './state.ts';
import { emitEvent } from './webhooks.ts';
import { changedFields } from './objects.ts';

const WRITABLE = [
  'address',
  'description',
  'email',
  'invoice_settings',
  'metadata',
  'name',
  'phone',
  'preferred_locales',
  'shipping',
];

export function requireCustomer(ctx: Ctx, customerId: string, param?: string): Customer {
  const stored = ctx.sim.state.objects.get(customerId);
  const customer = findObject(ctx.sim.state, ctx.account, customerId, 'customer');
  if (!customer || !stored) throw resourceMissing('customer', customerId, param);
  if (ctx.sim.state.deletedCustomers.has(customerId)) throw resourceMissing('customer', customerId, param);
  return customer;
}

function applyWritable(ctx: Ctx, customer: Customer): void {
  const email = nullableString(ctx.params, 'email');
  if (email !== undefined) {
    if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
      throw invalidRequest(`Invalid email address: ${email}`, { code: 'email_invalid', param: 'email' });
    customer.email = email;
  }
  const name = nullableString(ctx.params, 'name');
  if (name !== undefined) customer.name = name;
  const description = nullableString(ctx.params, 'description');
  if (description !== undefined) customer.description = description;
  const phone = nullableString(ctx.params, 'phone');
  if (phone !== undefined) customer.phone = phone;
  customer.metadata = mergeMetadata(customer.metadata, ctx.params);
  const settings = optionalHash(ctx.params, 'invoice_settings');
  if (settings) {
    rejectUnknown(
      settings,
      ['default_payment_method', 'custom_fields', 'footer', 'rendering_options'],
      'invoice_settings',
    );
    const pmId = nullableString(settings, 'default_payment_method');
    if (pmId === null) customer.invoice_settings.default_payment_method = null;
    else if (pmId !== undefined) {
      const pm = findObject(ctx.sim.state, ctx.account, pmId, 'payment_method');
      if (!pm) throw resourceMissing('PaymentMethod', pmId, 'invoice_settings[default_payment_method]');
      if (pm.customer !== customer.id) {
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
          {
            param: 'invoice_settings[default_payment_method]',
          },
        );
      }
      customer.invoice_settings.default_payment_method = pmId;
    }
  }
  if (ctx.params.address !== undefined && !isParams(ctx.params.address) && ctx.params.address !== '')
    throw invalidRequest('Invalid object', { param: 'address' });
}

export const customerRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/customers',
    handle: (ctx) => {
      rejectUnknown(ctx.params, [...WRITABLE, 'payment_method']);
      const customer: Customer = {
        id: newId('cus'),
        object: 'customer',
        balance: 0,
        created: ctx.sim.now(),
        default_source: null,
        description: null,
        email: null,
        invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
        livemode: false,
        metadata: {},
        name: null,
        phone: null,
        shipping: null,
      };
      applyWritable(ctx, customer);
      const pmId = optionalString(ctx.params, 'payment_method');
      const pm = pmId === undefined ? undefined : resolvePaymentMethod(ctx, pmId);
      if (pm) attachToCustomer(ctx, pm, customer.id);
      putObject(ctx.sim.state, ctx.account, customer);
      emitEvent(ctx.sim, ctx.account, 'customer.created', customer, ctx.origin);
      return customer;
    },
  },
  {
    method: 'GET',
    path: '/v1/customers/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const customerId = routeId(ctx);
      if (
        ctx.sim.state.deletedCustomers.has(customerId) &&
        findObject(ctx.sim.state, ctx.account, customerId, 'customer')
      ) {
        return { id: customerId, object: 'customer', deleted: true };
      }
      return requireCustomer(ctx, customerId);
    },
  },
  {
    method: 'POST',
    path: '/v1/customers/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, WRITABLE);
      const customer = requireCustomer(ctx, routeId(ctx));
      const before = JSON.parse(JSON.stringify(customer)) as Customer;
      applyWritable(ctx, customer);
      emitEvent(ctx.sim, ctx.account, 'customer.updated', customer, ctx.origin, changedFields(before, customer));
      return customer;
    },
  },
  {
    method: 'DELETE',
    path: '/v1/customers/:id',
    handle: (ctx) => {
      rejectUnknown(ctx.params, []);
      const customer = requireCustomer(ctx, routeId(ctx));
      ctx.sim.state.deletedCustomers.add(customer.id);
      emitEvent(ctx.sim, ctx.account, 'customer.deleted', customer, ctx.origin);
      return { id: customer.id, object: 'customer', deleted: true };
    },
  },
  {
    method: 'GET',
    path: '/v1/customers',
    handle: (ctx) => {
      rejectUnknown(ctx.params, ['email', 'limit', 'starting_after', 'ending_before', 'created', 'test_clock']);
      const email = optionalString(ctx.params, 'email');
      const deleted = ctx.sim.state.deletedCustomers;
      return listOf(
        ctx,
        listObjects(
          ctx.sim.state,
          ctx.account,
          'customer',
          (c) => !deleted.has(c.id) && (email === undefined || c.email === email),
        ),
      );
    },
  },
];
