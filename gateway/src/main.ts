import { loadGatewayConfig } from './config';
import { createGateway } from './gateway';

async function main() {
  const running = await createGateway(loadGatewayConfig()).listen();
  const shutdown = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

main().catch((error) => {
  console.error('gateway failed to start:', error);
  process.exit(1);
});
