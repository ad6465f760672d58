import { workersConfig } from './vitest.workers.shared';

// The budget measurements that need workerd and D1 (`npm run bench` runs them).
export default workersConfig(['tests/bench/**/*.test.ts']);
