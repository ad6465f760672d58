import { workersConfig } from './vitest.workers.shared';

export default workersConfig(['tests/worker/**/*.test.ts']);
